import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { app, client, edge, http } from './nodes.ts';
import { PYTHON_PACKAGES, alone, configIn, front } from './parts.ts';
import { SERVE } from '../origin-tables.ts';
import { singleProcess } from '../../process-model/architectures.ts';
import { WSGI_FAULT_APPS, faultRunsInside } from './fault-runs.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'werkzeug';
const PYTHON_SERVER = front('python', 'serve.py');
const server = { id: 'werkzeug', label: 'Werkzeug run_simple', kind: 'server' } as const;
const runSimple = [[SERVE, 'run_simple("127.0.0.1",']] as const;

export const WERKZEUG: PipelineDefinition = {
  id,
  title: { en: "Werkzeug's development server", 'zh-cn': 'Werkzeug 开发服务器' },
  kind: 'wsgi-server',
  server: server.id,
  nodes: [client, server, app],
  edges: [http(client, server), edge(server, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('serve.py')],
  origins: { SERVER_NAME: runSimple, SERVER_PORT: runSimple },
  // run_simple() defaults to threaded=False: one request at a time (`flask run` turns threads on).
  architecture: singleProcess('single', 'Werkzeug', 1),
  faults: faultList({
    'backend-down': { refused: 'fault.python.inProcess' },
    'app-exception': { node: 'app' },
    'bad-response': { node: 'app' },
    'app-timeout': { refused: 'fault.python.noTimeout' },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const WERKZEUG_CONFORMANCE: ConformanceSpec = {
  ...alone(PYTHON_SERVER, ['python3-werkzeug', ...PYTHON_PACKAGES]),
  // Nothing behind the server, and no time limit on the application: two fault runs.
  faultRuns: faultRunsInside({ server: PYTHON_SERVER, app: 'dump_wsgi.py', apps: WSGI_FAULT_APPS }),
};

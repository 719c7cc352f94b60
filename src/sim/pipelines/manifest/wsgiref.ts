import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { app, client, edge, http } from './nodes.ts';
import { PYTHON_PACKAGES, alone, configIn, front, withFrameworks } from './parts.ts';
import { SERVE } from '../origin-tables.ts';
import { singleProcess } from '../../process-model/architectures.ts';
import { WSGI_FAULT_APPS, faultRunsInside } from './fault-runs.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'wsgiref';
const PYTHON_SERVER = front('python', 'serve.py');
const server = { id: 'wsgiref', label: 'wsgiref.simple_server', kind: 'server' } as const;
const makeServer = [[SERVE, 'make_server("127.0.0.1",']] as const;

export const WSGIREF: PipelineDefinition = {
  id,
  title: { en: "wsgiref, Python's reference WSGI server", 'zh-cn': 'wsgiref：Python 自带的参考 WSGI 服务器' },
  kind: 'wsgi-server',
  server: server.id,
  nodes: [client, server, app],
  edges: [http(client, server), edge(server, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('serve.py')],
  origins: { SERVER_NAME: makeServer, SERVER_PORT: makeServer },
  architecture: singleProcess('single', 'wsgiref', 1),
  // Also the framework example applications (Django, Flask, web.py) under the same server.
  faults: faultList({
    'backend-down': { refused: 'fault.python.inProcess' },
    'app-exception': { node: 'app' },
    'bad-response': { node: 'app' },
    'app-timeout': { refused: 'fault.python.noTimeout' },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const WSGIREF_CONFORMANCE: ConformanceSpec = withFrameworks({
  ...alone(PYTHON_SERVER, PYTHON_PACKAGES),
  // Nothing behind the server, and no time limit on the application: two fault runs.
  faultRuns: faultRunsInside({ server: PYTHON_SERVER, app: 'dump_wsgi.py', apps: WSGI_FAULT_APPS }),
});

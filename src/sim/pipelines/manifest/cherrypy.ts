import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { app, client, edge, http } from './nodes.ts';
import { PYTHON_PACKAGES, alone, configIn, front } from './parts.ts';
import { SERVE } from '../origin-tables.ts';
import { singleProcess } from '../../process-model/architectures.ts';
import { WSGI_FAULT_APPS, faultRunsInside } from './fault-runs.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'cherrypy';
const PYTHON_SERVER = front('python', 'serve.py');
const server = { id: 'cheroot', label: 'Cheroot', kind: 'server' } as const;

export const CHERRYPY: PipelineDefinition = {
  id,
  // Plain cheroot.wsgi.Server, not CherryPy's engine (cherrypy.tree.graft + _cpwsgi_server), whose answers differ:
  // tests/conformance/FINDINGS.md, "CherryPy's own server is not plain Cheroot".
  title: {
    en: 'Cheroot WSGI server (CherryPy’s server, without CherryPy)',
    'zh-cn': 'Cheroot WSGI 服务器（CherryPy 的服务器，不带 CherryPy 框架）',
  },
  kind: 'wsgi-server',
  server: server.id,
  nodes: [client, server, app],
  edges: [http(client, server), edge(server, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('serve.py')],
  origins: { SERVER_PORT: [[SERVE, 'Server(("127.0.0.1",']] },
  // cheroot.wsgi.Server(numthreads=10).
  architecture: singleProcess('thread-pool', 'Cheroot', 10),
  faults: faultList({
    'backend-down': { refused: 'fault.python.inProcess' },
    'app-exception': { node: 'app' },
    'bad-response': { node: 'app' },
    'app-timeout': { refused: 'fault.python.noTimeout' },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const CHERRYPY_CONFORMANCE: ConformanceSpec = {
  ...alone(PYTHON_SERVER, ['python3-cheroot', ...PYTHON_PACKAGES]),
  // Nothing behind the server, and no time limit on the application: two fault runs.
  faultRuns: faultRunsInside({ server: PYTHON_SERVER, app: 'dump_wsgi.py', apps: WSGI_FAULT_APPS }),
};

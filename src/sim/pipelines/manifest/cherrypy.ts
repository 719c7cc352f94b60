import type { PipelineDefinition } from '../pipeline-types.ts';
import { app, client, edge, http } from './nodes.ts';
import { PYTHON_PACKAGES, alone, configIn, front } from './parts.ts';
import { SERVE } from '../origin-tables.ts';
import { singleProcess } from '../../process-model/architectures.ts';
import { NONE_MODELLED } from '../../faults/fault-list.ts';

const id = 'cherrypy';
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
  conformance: alone(front('python', 'serve.py'), ['python3-cheroot', ...PYTHON_PACKAGES]),
  faults: NONE_MODELLED,
};

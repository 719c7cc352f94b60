import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { client, edge, http, moduleOf, nginx } from './nodes.ts';
import { NGINX_PACKAGES, PYTHON_PACKAGES, configIn, front } from './parts.ts';
import { NGINX, SERVE } from '../origin-tables.ts';
import { ASGI_FAULT_APPS, faultRunsBehind, nginxReadTimeout } from './fault-runs.ts';
import { uvicornEventLoop } from '../../process-model/architectures.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'nginx-uvicorn';
const proxyModule = moduleOf(nginx, 'ngx_http_proxy_module');
const uvicorn = {
  id: 'uvicorn',
  label: 'Uvicorn 0.17 (h11, asyncio)',
  labelZh: 'Uvicorn 0.17（h11，asyncio）',
  kind: 'server',
} as const;
const asgiApp = { id: 'asgi-app', label: 'ASGI application', labelZh: 'ASGI 应用', kind: 'application' } as const;
const UVICORN_RUN = 'uvicorn.run("dump_asgi:application",';
const nginxFront = front('nginx', 'nginx.conf');
const uvicornServer = { program: 'uvicorn', config: SERVE, port: 'upstream' } as const;

export const NGINX_UVICORN: PipelineDefinition = {
  id,
  title: { en: 'nginx → proxy_pass → Uvicorn → ASGI', 'zh-cn': 'nginx → proxy_pass → Uvicorn → ASGI' },
  kind: 'proxy-asgi',
  server: nginx.id,
  nodes: [client, nginx, proxyModule, uvicorn, asgiApp],
  edges: [http(client, nginx), http(proxyModule, uvicorn), edge(uvicorn, asgiApp, 'asgi')],
  // The ASGI dump application is the only ASGI application the simulator models.
  selectableApp: false,
  configs: [configIn(id)('nginx.conf'), configIn(id)(SERVE)],
  // The scope's `server` (host, port) is the socket uvicorn.run() listens on.
  origins: {
    server: [
      [SERVE, UVICORN_RUN],
      [SERVE, 'port = int(sys.argv[1])'],
    ],
  },
  // proxy_pass sends /app/ to Uvicorn, which calls the application uvicorn.run() names.
  routes: {
    [uvicorn.id]: [['proxy_pass', NGINX, 'proxy_pass']],
    [asgiApp.id]: [['dump_asgi:application', SERVE, UVICORN_RUN]],
  },
  architecture: uvicornEventLoop(),
  faults: faultList({
    'backend-down': { node: uvicorn.id },
    'app-exception': { node: asgiApp.id },
    'bad-response': { node: asgiApp.id },
    'app-timeout': { node: asgiApp.id },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const NGINX_UVICORN_CONFORMANCE: ConformanceSpec = {
  packages: [...NGINX_PACKAGES, 'python3-uvicorn', 'python3-h11', ...PYTHON_PACKAGES],
  // Uvicorn sets no time limit on a request: nginx's proxy_read_timeout ends the wait.
  faultRuns: faultRunsBehind({
    front: nginxFront,
    upstream: [uvicornServer],
    app: 'dump_asgi.py',
    apps: ASGI_FAULT_APPS,
    timeout: [nginxReadTimeout('proxy', '\t\t\tproxy_pass http://127.0.0.1:{{UPSTREAM_PORT}};')],
  }),
  runs: [
    { name: 'main', servers: [uvicornServer, nginxFront] },
    // The HTTP recorder takes the upstream port and relays to Uvicorn, moved to the recorded port.
    {
      name: 'recorder',
      servers: [
        { program: 'uvicornBehindRecorder', config: SERVE, port: 'recorded' },
        { program: 'httpRecorder', port: 'upstream' },
        nginxFront,
      ],
    },
  ],
};

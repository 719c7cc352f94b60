import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { app, client, edge, http, moduleOf, nginx } from './nodes.ts';
import { NGINX_PACKAGES, PYTHON_PACKAGES, configIn, front } from './parts.ts';
import { NGINX } from '../origin-tables.ts';
import { gunicornSync } from '../../process-model/architectures.ts';
import { GUNICORN_SETTINGS } from '../../servers/gunicorn/gunicorn-settings.ts';
import { WSGI_FAULT_APPS, faultRunsBehind } from './fault-runs.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'nginx-gunicorn';
const proxyModule = moduleOf(nginx, 'ngx_http_proxy_module');
const gunicorn = {
  id: 'gunicorn',
  label: 'Gunicorn 20.1 (sync worker)',
  labelZh: 'Gunicorn 20.1（sync worker）',
  kind: 'server',
} as const;
const GUNICORN_CONF = 'gunicorn.conf.py';
const bind = [[GUNICORN_CONF, 'bind =']] as const;
const proxyPass = [[NGINX, 'proxy_pass']] as const;
const gunicornServer = { program: 'gunicorn', config: GUNICORN_CONF, port: 'upstream' } as const;
const nginxFront = front('nginx', 'nginx.conf');

export const NGINX_GUNICORN: PipelineDefinition = {
  id,
  title: { en: 'nginx → proxy_pass → Gunicorn → WSGI', 'zh-cn': 'nginx → proxy_pass → Gunicorn → WSGI' },
  kind: 'http-proxy',
  server: nginx.id,
  nodes: [client, nginx, proxyModule, gunicorn, app],
  edges: [http(client, nginx), http(proxyModule, gunicorn), edge(gunicorn, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('nginx.conf'), configIn(id)(GUNICORN_CONF)],
  // proxy_pass's address becomes the upstream Host ($proxy_host); Gunicorn's bind gives SERVER_NAME/SERVER_PORT.
  origins: { HTTP_HOST: proxyPass, SERVER_NAME: bind, SERVER_PORT: bind },
  routes: { [gunicorn.id]: [['proxy_pass', NGINX, 'proxy_pass']] },
  architecture: gunicornSync(GUNICORN_SETTINGS.workers),
  faults: faultList({
    'backend-down': { node: gunicorn.id },
    'app-exception': { node: app.id },
    'bad-response': { node: app.id },
    'app-timeout': { node: app.id },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const NGINX_GUNICORN_CONFORMANCE: ConformanceSpec = {
  packages: [...NGINX_PACKAGES, 'gunicorn', 'python3-gunicorn', ...PYTHON_PACKAGES],
  // Gunicorn's worker timeout (30 s) ends a stuck request before nginx's proxy_read_timeout (60 s) does: the
  // captured configuration keeps that order with the worker timeout alone shortened.
  faultRuns: faultRunsBehind({
    front: nginxFront,
    upstream: [gunicornServer],
    app: 'dump_wsgi.py',
    apps: WSGI_FAULT_APPS,
    timeout: [
      {
        file: GUNICORN_CONF,
        setting: 'timeout',
        reference: '30',
        byDefault: true,
        captured: '1',
        find: 'wsgi_app = "dump_wsgi:application"',
        write: 'wsgi_app = "dump_wsgi:application"\ntimeout = 1',
      },
    ],
  }),
  runs: [
    { name: 'main', servers: [gunicornServer, nginxFront] },
    // The HTTP recorder takes the upstream port and relays to Gunicorn, moved to the recorded port.
    {
      name: 'recorder',
      servers: [
        { program: 'gunicornBehindRecorder', config: GUNICORN_CONF, port: 'recorded' },
        { program: 'httpRecorder', port: 'upstream' },
        nginxFront,
      ],
    },
  ],
};

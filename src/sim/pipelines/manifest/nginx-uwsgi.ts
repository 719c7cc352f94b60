import type { ConformanceSpec, PipelineDefinition, PipelineNode } from '../pipeline-types.ts';
import { app, client, edge, http, moduleOf, nginx } from './nodes.ts';
import { NGINX_PACKAGES, UWSGI_PARAMS, UWSGI_SERVER, configIn, front, frontOfUwsgi } from './parts.ts';
import { nginxUwsgiLocation } from '../origin-tables.ts';
import { uwsgiWorkers } from '../../process-model/architectures.ts';
import { WSGI_FAULT_APPS, faultRunsBehind, nginxReadTimeout } from './fault-runs.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'nginx-uwsgi';
const uwsgiModule = moduleOf(nginx, 'ngx_http_uwsgi_module');
const nginxFront = front('nginx', 'nginx.conf');
const uwsgi: PipelineNode = {
  id: 'uwsgi',
  label: 'uWSGI 2.0 (python3 plugin)',
  labelZh: 'uWSGI 2.0（python3 插件）',
  kind: 'gateway',
};

export const NGINX_UWSGI: PipelineDefinition = {
  id,
  title: { en: 'nginx → uwsgi_pass → uWSGI → WSGI', 'zh-cn': 'nginx → uwsgi_pass → uWSGI → WSGI' },
  kind: 'uwsgi-wsgi',
  server: nginx.id,
  nodes: [client, nginx, uwsgiModule, uwsgi, app],
  edges: [http(client, nginx), edge(uwsgiModule, uwsgi, 'uwsgi'), edge(uwsgi, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('nginx.conf'), UWSGI_PARAMS, configIn(id)('uwsgi.ini')],
  origins: nginxUwsgiLocation(),
  architecture: uwsgiWorkers(),

  faults: faultList({
    'backend-down': { node: uwsgi.id },
    'app-exception': { node: app.id },
    'bad-response': { node: app.id },
    'app-timeout': { node: app.id },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const NGINX_UWSGI_CONFORMANCE: ConformanceSpec = {
  ...frontOfUwsgi(nginxFront, NGINX_PACKAGES),
  // uWSGI sets no time limit of its own (harakiri is off by default): nginx's uwsgi_read_timeout ends the wait.
  faultRuns: faultRunsBehind({
    front: nginxFront,
    upstream: [UWSGI_SERVER],
    app: 'dump_wsgi.py',
    apps: WSGI_FAULT_APPS,
    timeout: [nginxReadTimeout('uwsgi', '\t\t\tuwsgi_pass 127.0.0.1:{{UPSTREAM_PORT}};')],
  }),
};

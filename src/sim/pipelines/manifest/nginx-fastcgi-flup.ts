import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { app, client, edge, flup, http, moduleOf, nginx } from './nodes.ts';
import { FASTCGI_PARAMS, FLUP_PEER, NGINX_PACKAGES, configIn, front, frontOfFlup } from './parts.ts';
import { WSGI_FAULT_APPS, faultRunsBehind, nginxReadTimeout } from './fault-runs.ts';
import { nginxLocation } from '../origin-tables.ts';
import { flup as flupProcess } from '../../process-model/architectures.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'nginx-fastcgi-flup';
const fastcgiModule = moduleOf(nginx, 'ngx_http_fastcgi_module');
const nginxFront = front('nginx', 'nginx.conf');

export const NGINX_FASTCGI_FLUP: PipelineDefinition = {
  id,
  title: { en: 'nginx → fastcgi_pass → flup → WSGI', 'zh-cn': 'nginx → fastcgi_pass → flup → WSGI' },
  kind: 'fastcgi-wsgi',
  server: nginx.id,
  nodes: [client, nginx, fastcgiModule, flup, app],
  edges: [http(client, nginx), edge(fastcgiModule, flup, 'fastcgi'), edge(flup, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('nginx.conf'), FASTCGI_PARAMS],
  origins: nginxLocation({}),
  architecture: flupProcess('nginx'),
  faults: faultList({
    'backend-down': { node: flup.id },
    'app-exception': { node: app.id },
    'bad-response': { node: app.id },
    'app-timeout': { node: app.id },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const NGINX_FASTCGI_FLUP_CONFORMANCE: ConformanceSpec = {
  ...frontOfFlup(nginxFront, NGINX_PACKAGES),
  // flup sets no time limit of its own: nginx's fastcgi_read_timeout ends the wait.
  faultRuns: faultRunsBehind({
    front: nginxFront,
    upstream: [FLUP_PEER],
    app: 'dump_wsgi.py',
    apps: WSGI_FAULT_APPS,
    timeout: [nginxReadTimeout('fastcgi', '\t\t\tfastcgi_pass 127.0.0.1:{{UPSTREAM_PORT}};')],
  }),
};

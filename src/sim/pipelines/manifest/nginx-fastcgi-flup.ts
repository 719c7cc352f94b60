import type { PipelineDefinition } from '../pipeline-types.ts';
import { app, client, edge, flup, http, moduleOf, nginx } from './nodes.ts';
import { FASTCGI_PARAMS, NGINX_PACKAGES, configIn, front, frontOfFlup } from './parts.ts';
import { nginxLocation } from '../origin-tables.ts';
import { flup as flupProcess } from '../../process-model/architectures.ts';
import { NONE_MODELLED } from '../../faults/fault-list.ts';

const id = 'nginx-fastcgi-flup';
const fastcgiModule = moduleOf(nginx, 'ngx_http_fastcgi_module');

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
  conformance: frontOfFlup(front('nginx', 'nginx.conf'), NGINX_PACKAGES),
  faults: NONE_MODELLED,
};

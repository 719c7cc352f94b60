import type { PipelineDefinition, PipelineNode } from '../pipeline-types.ts';
import { app, client, edge, http, moduleOf, nginx } from './nodes.ts';
import { NGINX_PACKAGES, UWSGI_PARAMS, configIn, front, frontOfUwsgi } from './parts.ts';
import { nginxUwsgiLocation } from '../origin-tables.ts';
import { uwsgiWorkers } from '../../process-model/architectures.ts';
import { NONE_MODELLED } from '../../faults/fault-list.ts';

const id = 'nginx-uwsgi';
const uwsgiModule = moduleOf(nginx, 'ngx_http_uwsgi_module');
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
  conformance: frontOfUwsgi(front('nginx', 'nginx.conf'), NGINX_PACKAGES),
  faults: NONE_MODELLED,
};

import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { client, http, nginx } from './nodes.ts';
import { NGINX_PACKAGES, alone, configIn, front } from './parts.ts';
import { staticServer } from '../../process-model/architectures.ts';
import { refuseAll } from '../../faults/fault-list.ts';

const id = 'nginx-static';

export const NGINX_STATIC: PipelineDefinition = {
  id,
  title: { en: 'nginx serves a static file', 'zh-cn': 'nginx 直接提供静态文件' },
  kind: 'static',
  server: nginx.id,
  nodes: [client, nginx],
  edges: [http(client, nginx)],
  selectableApp: false,
  configs: [configIn(id)('nginx.conf')],
  origins: {},
  architecture: staticServer('nginx'),
  faults: refuseAll('fault.staticNoBackend'),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const NGINX_STATIC_CONFORMANCE: ConformanceSpec = alone(front('nginx', 'nginx.conf'), NGINX_PACKAGES);

import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { apache, client, http } from './nodes.ts';
import { APACHE_PACKAGES, alone, configIn, front } from './parts.ts';
import { staticServer } from '../../process-model/architectures.ts';
import { refuseAll } from '../../faults/fault-list.ts';

const id = 'apache-static';

export const APACHE_STATIC: PipelineDefinition = {
  id,
  title: { en: 'Apache serves a static file', 'zh-cn': 'Apache 直接提供静态文件' },
  kind: 'static',
  server: apache.id,
  nodes: [client, apache],
  edges: [http(client, apache)],
  selectableApp: false,
  configs: [configIn(id)('apache2.conf')],
  origins: {},
  architecture: staticServer('Apache'),
  faults: refuseAll('fault.staticNoBackend'),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const APACHE_STATIC_CONFORMANCE: ConformanceSpec = alone(front('apache', 'apache2.conf'), APACHE_PACKAGES);

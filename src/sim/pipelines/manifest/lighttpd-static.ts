import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { client, http, lighttpd } from './nodes.ts';
import { LIGHTTPD_PACKAGES, alone, configIn, front } from './parts.ts';
import { staticServer } from '../../process-model/architectures.ts';
import { refuseAll } from '../../faults/fault-list.ts';

const id = 'lighttpd-static';

export const LIGHTTPD_STATIC: PipelineDefinition = {
  id,
  title: { en: 'lighttpd serves a static file', 'zh-cn': 'lighttpd 直接提供静态文件' },
  kind: 'static',
  server: lighttpd.id,
  nodes: [client, lighttpd],
  edges: [http(client, lighttpd)],
  selectableApp: false,
  configs: [configIn(id)('lighttpd.conf')],
  origins: {},
  architecture: staticServer('lighttpd'),
  faults: refuseAll('fault.staticNoBackend'),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const LIGHTTPD_STATIC_CONFORMANCE: ConformanceSpec = alone(
  front('lighttpd', 'lighttpd.conf'),
  LIGHTTPD_PACKAGES,
);

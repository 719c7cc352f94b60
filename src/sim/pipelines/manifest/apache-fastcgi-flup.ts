import type { PipelineDefinition } from '../pipeline-types.ts';
import { apache, app, client, edge, flup, http, moduleOf } from './nodes.ts';
import { APACHE_PACKAGES, configIn, front, frontOfFlup } from './parts.ts';
import { APACHE, APACHE_COMMON } from '../origin-tables.ts';
import { flup as flupProcess } from '../../process-model/architectures.ts';
import { NONE_MODELLED } from '../../faults/fault-list.ts';

const id = 'apache-fastcgi-flup';
const modProxyFcgi = moduleOf(apache, 'mod_proxy_fcgi');

export const APACHE_FASTCGI_FLUP: PipelineDefinition = {
  id,
  title: { en: 'Apache → mod_proxy_fcgi → flup → WSGI', 'zh-cn': 'Apache → mod_proxy_fcgi → flup → WSGI' },
  kind: 'fastcgi-wsgi',
  server: apache.id,
  nodes: [client, apache, modProxyFcgi, flup, app],
  edges: [http(client, apache), edge(modProxyFcgi, flup, 'fastcgi'), edge(flup, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('apache2.conf')],
  origins: {
    ...APACHE_COMMON,
    // mod_proxy_fcgi without proxy-fcgi-pathinfo: the whole path is SCRIPT_NAME, the backend URL SCRIPT_FILENAME.
    SCRIPT_NAME: [[APACHE, 'ProxyPass /app/']],
    SCRIPT_FILENAME: [[APACHE, 'ProxyPass /app/']],
  },
  architecture: flupProcess('Apache'),
  conformance: frontOfFlup(front('apache', 'apache2.conf'), APACHE_PACKAGES),
  faults: NONE_MODELLED,
};

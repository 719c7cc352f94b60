import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { apache, app, client, edge, flup, http, moduleOf } from './nodes.ts';
import { APACHE_PACKAGES, FLUP_PEER, configIn, front, frontOfFlup } from './parts.ts';
import { APACHE, APACHE_COMMON } from '../origin-tables.ts';
import { flup as flupProcess } from '../../process-model/architectures.ts';
import { APACHE_TIMEOUT, WSGI_FAULT_APPS, faultRunsBehind } from './fault-runs.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'apache-fastcgi-flup';
const APACHE_FRONT = front('apache', 'apache2.conf');
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
  faults: faultList({
    'backend-down': { node: flup.id },
    'app-exception': { node: app.id },
    'bad-response': { node: app.id },
    'app-timeout': { node: app.id },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const APACHE_FASTCGI_FLUP_CONFORMANCE: ConformanceSpec = {
  ...frontOfFlup(APACHE_FRONT, APACHE_PACKAGES),
  // Twice for backend-down: mod_proxy puts a worker that refused into error state for `retry` seconds (60).
  faultRuns: faultRunsBehind({
    front: APACHE_FRONT,
    upstream: [FLUP_PEER],
    app: 'dump_wsgi.py',
    apps: WSGI_FAULT_APPS,
    timeout: [APACHE_TIMEOUT],
    requests: { 'backend-down': 2 },
  }),
};

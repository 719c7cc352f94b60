import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { app, client, edge, flup, http, lighttpd, moduleOf } from './nodes.ts';
import { FLUP_PEER, LIGHTTPD_PACKAGES, configIn, front, frontOfFlup } from './parts.ts';
import { LIGHTTPD, LIGHTTPD_COMMON, LIGHTTPD_FASTCGI_MOUNT } from '../origin-tables.ts';
import { flup as flupProcess } from '../../process-model/architectures.ts';
import { faultList } from '../../faults/fault-list.ts';
import { WSGI_FAULT_APPS, faultRunsBehind } from './fault-runs.ts';

const id = 'lighttpd-fastcgi-flup';
const LIGHTTPD_FRONT = front('lighttpd', 'lighttpd.conf');
const modFastcgi = moduleOf(lighttpd, 'mod_fastcgi');

export const LIGHTTPD_FASTCGI_FLUP: PipelineDefinition = {
  id,
  title: { en: 'lighttpd → mod_fastcgi → flup → WSGI', 'zh-cn': 'lighttpd → mod_fastcgi → flup → WSGI' },
  kind: 'fastcgi-wsgi',
  server: lighttpd.id,
  nodes: [client, lighttpd, modFastcgi, flup, app],
  edges: [http(client, lighttpd), edge(modFastcgi, flup, 'fastcgi'), edge(flup, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('lighttpd.conf')],
  origins: {
    ...LIGHTTPD_COMMON,
    SCRIPT_NAME: [[LIGHTTPD, LIGHTTPD_FASTCGI_MOUNT]],
    PATH_INFO: [[LIGHTTPD, LIGHTTPD_FASTCGI_MOUNT]],
    DOCUMENT_ROOT: [[LIGHTTPD, 'server.document-root']],
    SCRIPT_FILENAME: [
      [LIGHTTPD, 'server.document-root'],
      [LIGHTTPD, LIGHTTPD_FASTCGI_MOUNT],
    ],
    PATH_TRANSLATED: [
      [LIGHTTPD, 'server.document-root'],
      [LIGHTTPD, LIGHTTPD_FASTCGI_MOUNT],
    ],
  },
  architecture: flupProcess('lighttpd'),
  faults: faultList({
    'backend-down': { node: flup.id },
    'app-exception': { node: app.id },
    'bad-response': { node: app.id },
    'app-timeout': { refused: 'fault.lighttpd.fastcgiNoTimeout' },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const LIGHTTPD_FASTCGI_FLUP_CONFORMANCE: ConformanceSpec = {
  ...frontOfFlup(LIGHTTPD_FRONT, LIGHTTPD_PACKAGES),
  // Twice for backend-down: lighttpd disables a backend that refused for disable-time (1 s). Its read-timeout is 0 (none) unless set: no app-timeout run.
  faultRuns: faultRunsBehind({
    front: LIGHTTPD_FRONT,
    upstream: [FLUP_PEER],
    app: 'dump_wsgi.py',
    apps: WSGI_FAULT_APPS,
    requests: { 'backend-down': 2 },
  }),
};

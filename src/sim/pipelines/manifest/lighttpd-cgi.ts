import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { app, cgiScript, client, edge, http, lighttpd, moduleOf } from './nodes.ts';
import { LIGHTTPD_PACKAGES, configIn, front, frontOfCgiScript } from './parts.ts';
import { LIGHTTPD, LIGHTTPD_CGI_ALIAS, LIGHTTPD_COMMON } from '../origin-tables.ts';
import { cgi } from '../../process-model/architectures.ts';
import { CGI_FAULT_APPS, faultRunsInside } from './fault-runs.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'lighttpd-cgi';
const LIGHTTPD_FRONT = front('lighttpd', 'lighttpd.conf');
const modCgi = moduleOf(lighttpd, 'mod_cgi');

export const LIGHTTPD_CGI: PipelineDefinition = {
  id,
  title: { en: 'lighttpd runs a CGI script (mod_cgi)', 'zh-cn': 'lighttpd 通过 mod_cgi 运行 CGI 脚本' },
  kind: 'cgi',
  server: lighttpd.id,
  nodes: [client, lighttpd, modCgi, cgiScript, app],
  edges: [http(client, lighttpd), edge(modCgi, cgiScript, 'cgi'), edge(cgiScript, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('lighttpd.conf')],
  origins: {
    ...LIGHTTPD_COMMON,
    // The alias maps /app to the script file; the rest of the path becomes PATH_INFO and the alias target the root.
    SCRIPT_NAME: [[LIGHTTPD, LIGHTTPD_CGI_ALIAS]],
    PATH_INFO: [[LIGHTTPD, LIGHTTPD_CGI_ALIAS]],
    SCRIPT_FILENAME: [[LIGHTTPD, LIGHTTPD_CGI_ALIAS]],
    DOCUMENT_ROOT: [[LIGHTTPD, LIGHTTPD_CGI_ALIAS]],
    PATH_TRANSLATED: [[LIGHTTPD, LIGHTTPD_CGI_ALIAS]],
  },
  // mod_cgi forks one process per request and has no process limit of its own.
  architecture: cgi('lighttpd', 1024),
  faults: faultList({
    'backend-down': { refused: 'fault.lighttpd.cgiNoBackend' },
    'app-exception': { node: cgiScript.id },
    'bad-response': { node: cgiScript.id },
    'app-timeout': { refused: 'fault.lighttpd.cgiNoTimeout' },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const LIGHTTPD_CGI_CONFORMANCE: ConformanceSpec = {
  ...frontOfCgiScript(LIGHTTPD_FRONT, LIGHTTPD_PACKAGES),
  // mod_cgi's cgi.limits read-timeout is 0 (none) unless set: no app-timeout run.
  faultRuns: faultRunsInside({ server: LIGHTTPD_FRONT, app: 'dump_cgi.py', apps: CGI_FAULT_APPS }),
};

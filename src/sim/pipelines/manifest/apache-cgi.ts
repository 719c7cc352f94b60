import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { apache, app, cgiScript, client, edge, http, moduleOf } from './nodes.ts';
import { APACHE_PACKAGES, configIn, front, frontOfCgiScript } from './parts.ts';
import { apacheAlias } from '../origin-tables.ts';
import { cgi } from '../../process-model/architectures.ts';
import { APACHE_TIMEOUT, CGI_FAULT_APPS, faultRunsInside } from './fault-runs.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'apache-cgi';
const APACHE_FRONT = front('apache', 'apache2.conf');
const modCgid = moduleOf(apache, 'mod_cgid');

export const APACHE_CGI: PipelineDefinition = {
  id,
  title: { en: 'Apache runs a CGI script (mod_cgid)', 'zh-cn': 'Apache 通过 mod_cgid 运行 CGI 脚本' },
  kind: 'cgi',
  server: apache.id,
  nodes: [client, apache, modCgid, cgiScript, app],
  edges: [http(client, apache), edge(modCgid, cgiScript, 'cgi'), edge(cgiScript, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('apache2.conf')],
  origins: apacheAlias('ScriptAlias /app'),
  // MaxRequestWorkers under Debian's mpm_event.conf: 150 requests at once, so 150 CGI processes.
  architecture: cgi('Apache', 150),

  faults: faultList({
    'backend-down': { refused: 'fault.apache.cgiNoBackend' },
    'app-exception': { node: cgiScript.id },
    'bad-response': { node: cgiScript.id },
    'app-timeout': { node: cgiScript.id },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const APACHE_CGI_CONFORMANCE: ConformanceSpec = {
  ...frontOfCgiScript(APACHE_FRONT, APACHE_PACKAGES),
  // mod_cgid gives up on a script that writes nothing for Timeout seconds.
  faultRuns: faultRunsInside({
    server: APACHE_FRONT,
    app: 'dump_cgi.py',
    apps: CGI_FAULT_APPS,
    timeout: [APACHE_TIMEOUT],
  }),
};

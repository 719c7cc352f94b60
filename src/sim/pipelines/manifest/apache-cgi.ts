import type { PipelineDefinition } from '../pipeline-types.ts';
import { apache, app, cgiScript, client, edge, http, moduleOf } from './nodes.ts';
import { APACHE_PACKAGES, configIn, front, frontOfCgiScript } from './parts.ts';
import { apacheAlias } from '../origin-tables.ts';
import { cgi } from '../../process-model/architectures.ts';
import { NONE_MODELLED } from '../../faults/fault-list.ts';

const id = 'apache-cgi';
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
  conformance: frontOfCgiScript(front('apache', 'apache2.conf'), APACHE_PACKAGES),
  faults: NONE_MODELLED,
};

import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { apache, app, client, edge, http } from './nodes.ts';
import { APACHE_PACKAGES, PYTHON_PACKAGES, alone, configIn, front } from './parts.ts';
import { APACHE, apacheAlias } from '../origin-tables.ts';
import { embedded } from '../../process-model/architectures.ts';
import { WSGI_FAULT_APPS, faultRunsInside } from './fault-runs.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'apache-modwsgi-embedded';
const APACHE_FRONT = front('apache', 'apache2.conf');
const modWsgi = {
  id: 'mod_wsgi',
  label: 'mod_wsgi (embedded)',
  labelZh: 'mod_wsgi（嵌入模式）',
  kind: 'module',
  hostedBy: apache.id,
} as const;

export const APACHE_MODWSGI_EMBEDDED: PipelineDefinition = {
  id,
  title: { en: 'Apache + mod_wsgi (embedded mode)', 'zh-cn': 'Apache + mod_wsgi（嵌入模式）' },
  kind: 'module-wsgi',
  server: apache.id,
  nodes: [client, apache, modWsgi, app],
  edges: [http(client, apache), edge(modWsgi, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('apache2.conf')],
  origins: {
    ...apacheAlias('WSGIScriptAlias /app'),
    'mod_wsgi.script_name': [[APACHE, 'WSGIScriptAlias /app']],
    'mod_wsgi.path_info': [[APACHE, 'WSGIScriptAlias /app']],
  },
  architecture: embedded(),

  faults: faultList({
    'backend-down': { refused: 'fault.apache.inProcessNoBackend' },
    'app-exception': { node: 'app' },
    'bad-response': { node: 'app' },
    'app-timeout': { refused: 'fault.apache.inProcessNoTimeout' },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const APACHE_MODWSGI_EMBEDDED_CONFORMANCE: ConformanceSpec = {
  ...alone(APACHE_FRONT, [...APACHE_PACKAGES, 'libapache2-mod-wsgi-py3', ...PYTHON_PACKAGES]),
  // Embedded mode sets no time limit on the application: no app-timeout run.
  faultRuns: faultRunsInside({ server: APACHE_FRONT, app: 'dump_wsgi.py', apps: WSGI_FAULT_APPS }),
};

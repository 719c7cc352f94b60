import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { apache, app, client, edge, http, moduleOf } from './nodes.ts';
import { APACHE_PACKAGES, PYTHON_PACKAGES, alone, configIn, front } from './parts.ts';
import { APACHE, APACHE_COMMON } from '../origin-tables.ts';
import { embedded } from '../../process-model/architectures.ts';
import { WSGI_FAULT_APPS, faultRunsInside } from './fault-runs.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'apache-mod-python';
const APACHE_FRONT = front('apache', 'apache2.conf');
const modPython = moduleOf(apache, 'mod_python', 'mod_python 3.5');

export const APACHE_MOD_PYTHON: PipelineDefinition = {
  id,
  title: { en: 'Apache + mod_python (mod_python.wsgi)', 'zh-cn': 'Apache + mod_python（mod_python.wsgi）' },
  kind: 'module-wsgi',
  server: apache.id,
  nodes: [client, apache, modPython, app],
  edges: [http(client, apache), edge(modPython, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('apache2.conf')],
  origins: {
    ...APACHE_COMMON,
    SCRIPT_NAME: [[APACHE, '<Location /app>']],
    PATH_INFO: [[APACHE, '<Location /app>']],
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
export const APACHE_MOD_PYTHON_CONFORMANCE: ConformanceSpec = {
  ...alone(APACHE_FRONT, [...APACHE_PACKAGES, 'libapache2-mod-python', ...PYTHON_PACKAGES]),
  // mod_python sets no time limit on the handler: no app-timeout run.
  faultRuns: faultRunsInside({ server: APACHE_FRONT, app: 'dump_wsgi.py', apps: WSGI_FAULT_APPS }),
};

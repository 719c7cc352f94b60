import type { PipelineDefinition } from '../pipeline-types.ts';
import { apache, app, client, edge, http, moduleOf } from './nodes.ts';
import { APACHE_PACKAGES, PYTHON_PACKAGES, alone, configIn, front } from './parts.ts';
import { APACHE, APACHE_COMMON } from '../origin-tables.ts';
import { embedded } from '../../process-model/architectures.ts';
import { NONE_MODELLED } from '../../faults/fault-list.ts';

const id = 'apache-mod-python';
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
  conformance: alone(front('apache', 'apache2.conf'), [
    ...APACHE_PACKAGES,
    'libapache2-mod-python',
    ...PYTHON_PACKAGES,
  ]),
  faults: NONE_MODELLED,
};

import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { apache, app, client, edge, http, moduleOf } from './nodes.ts';
import { APACHE_PACKAGES, PYTHON_PACKAGES, alone, configIn, front } from './parts.ts';
import { APACHE, apacheAlias } from '../origin-tables.ts';
import { modWsgiDaemon } from '../../process-model/architectures.ts';
import { APACHE_TIMEOUT, WSGI_FAULT_APPS, faultRunsInside } from './fault-runs.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'apache-modwsgi-daemon';
const APACHE_FRONT = front('apache', 'apache2.conf');
const modWsgi = moduleOf(apache, 'mod_wsgi');
const daemon = {
  id: 'mod_wsgi-daemon',
  label: 'mod_wsgi daemon process "hop"',
  labelZh: 'mod_wsgi 守护进程“hop”',
  kind: 'gateway',
} as const;
const processGroup = [
  [APACHE, 'WSGIProcessGroup hop'],
  [APACHE, 'WSGIDaemonProcess hop'],
] as const;

export const APACHE_MODWSGI_DAEMON: PipelineDefinition = {
  id,
  title: { en: 'Apache + mod_wsgi (daemon mode)', 'zh-cn': 'Apache + mod_wsgi（守护进程模式）' },
  kind: 'module-wsgi',
  server: apache.id,
  nodes: [client, apache, modWsgi, daemon, app],
  edges: [http(client, apache), edge(modWsgi, daemon, 'mod_wsgi'), edge(daemon, app, 'wsgi')],
  selectableApp: true,
  configs: [configIn(id)('apache2.conf')],
  origins: {
    ...apacheAlias('WSGIScriptAlias /app'),
    'mod_wsgi.script_name': [[APACHE, 'WSGIScriptAlias /app']],
    'mod_wsgi.path_info': [[APACHE, 'WSGIScriptAlias /app']],
    'mod_wsgi.process_group': processGroup,
  },
  // mod_wsgi hands the request to the daemon process group that WSGIProcessGroup names and WSGIDaemonProcess starts.
  routes: {
    [daemon.id]: processGroup.map(([file, directive]) => ['mod_wsgi.process_group', file, directive] as const),
  },
  architecture: modWsgiDaemon(),

  faults: faultList({
    'backend-down': { refused: 'fault.apache.daemonManaged' },
    'app-exception': { node: 'app' },
    'bad-response': { node: 'app' },
    'app-timeout': { node: 'app' },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const APACHE_MODWSGI_DAEMON_CONFORMANCE: ConformanceSpec = {
  ...alone(APACHE_FRONT, [...APACHE_PACKAGES, 'libapache2-mod-wsgi-py3', ...PYTHON_PACKAGES]),
  // The daemon's socket-timeout defaults to Timeout; Apache starts the daemon itself, so no run has it down.
  faultRuns: faultRunsInside({
    server: APACHE_FRONT,
    app: 'dump_wsgi.py',
    apps: WSGI_FAULT_APPS,
    timeout: [APACHE_TIMEOUT],
  }),
};

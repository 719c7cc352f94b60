import { REPO_PATHS } from './repo-paths.ts';
import { SITE, SITE_DIRS } from './site-layout.ts';

/** How one kind of server is started from its rendered configuration file, and how it is stopped. */
export interface ServerProgram {
  /** Executable and arguments; `config` is the rendered configuration's absolute path. */
  command: (config: string) => readonly string[];
  /** Variables added to `SITE.launchEnvironment`. */
  environment: Readonly<Record<string, string>>;
  /** The signal that makes it exit at once (uwsgi treats SIGTERM as "reload"). */
  stopSignal: NodeJS.Signals;
  /** Files of tests/fixtures/apps only this program uses: the site holds them only for runs that start it. */
  ownFiles?: readonly string[];
}

const run = `${SITE.root}/${SITE_DIRS.run}`;

/** The servers the pipelines are made of, each run in the foreground as its Debian package installs it. */
export const SERVER_PROGRAMS = {
  apache: {
    command: (config) => ['/usr/sbin/apache2', '-f', config, '-DFOREGROUND'],
    // What /etc/apache2/envvars (sourced by apache2ctl) exports, with the directories moved under the site root.
    environment: {
      APACHE_RUN_USER: 'www-data',
      APACHE_RUN_GROUP: 'www-data',
      APACHE_PID_FILE: `${run}/apache2.pid`,
      APACHE_RUN_DIR: run,
      APACHE_LOCK_DIR: `${SITE.root}/${SITE_DIRS.lock}`,
      APACHE_LOG_DIR: `${SITE.root}/${SITE_DIRS.log}`,
    },
    stopSignal: 'SIGTERM',
  },
  nginx: {
    command: (config) => [
      '/usr/sbin/nginx',
      '-c',
      config,
      '-e',
      `${SITE.root}/${SITE_DIRS.log}/error.log`,
      '-g',
      'daemon off;',
    ],
    environment: {},
    stopSignal: 'SIGTERM',
  },
  lighttpd: {
    command: (config) => ['/usr/sbin/lighttpd', '-D', '-f', config],
    environment: {},
    stopSignal: 'SIGTERM',
  },
  phpFpm: {
    command: (config) => ['/usr/sbin/php-fpm8.2', '--nodaemonize', '--fpm-config', config],
    environment: {},
    stopSignal: 'SIGTERM',
  },
  uwsgi: {
    command: (config) => ['/usr/bin/uwsgi', '--ini', config],
    environment: {},
    stopSignal: 'SIGINT',
  },
  fastcgiRecorder: {
    command: () => [
      '/usr/bin/python3',
      `${SITE.root}/${SITE_DIRS.app}/fastcgi_recorder.py`,
      String(SITE.upstreamPort),
      `${SITE.root}/${SITE_DIRS.dumps}`,
    ],
    environment: {},
    stopSignal: 'SIGTERM',
  },
  /**
   * A scripted FastCGI peer in flup's place on the upstream port (the flup pipelines' fault runs): calls the
   * application in dump_wsgi.py the way flup's fcgi_base.py does.
   */
  flupPeer: {
    command: () => ['/usr/bin/python3', `${SITE.root}/${SITE_DIRS.app}/flup_peer.py`, String(SITE.upstreamPort)],
    environment: {},
    stopSignal: 'SIGTERM',
    ownFiles: ['flup_peer.py'],
  },
  /** Relays 127.0.0.1:9000 to uWSGI on 9001, writing down both directions (see pipelines.ts). */
  uwsgiRecorder: {
    command: () => [
      '/usr/bin/python3',
      REPO_PATHS.uwsgiRecorder,
      String(SITE.upstreamPort),
      String(SITE.relayedPort),
      `${SITE.root}/${SITE_DIRS.dumps}`,
    ],
    environment: {},
    stopSignal: 'SIGTERM',
  },
  gunicorn: {
    command: (config) => ['/usr/bin/gunicorn', '-c', config],
    environment: {},
    // SIGTERM waits for the workers' graceful timeout; SIGINT is Gunicorn's quick shutdown.
    stopSignal: 'SIGINT',
  },
  /** Gunicorn with the same configuration, moved to `SITE.recordedPort` so the HTTP recorder can sit in front. */
  gunicornBehindRecorder: {
    command: (config) => ['/usr/bin/gunicorn', '-c', config, '--bind', `127.0.0.1:${String(SITE.recordedPort)}`],
    environment: {},
    stopSignal: 'SIGINT',
  },
  httpRecorder: {
    command: () => [
      '/usr/bin/python3',
      `${SITE.root}/${SITE_DIRS.app}/http_recorder.py`,
      String(SITE.upstreamPort),
      String(SITE.recordedPort),
      `${SITE.root}/${SITE_DIRS.dumps}`,
    ],
    environment: {},
    stopSignal: 'SIGTERM',
    ownFiles: ['http_recorder.py'],
  },
  python: {
    command: (config) => ['/usr/bin/python3', config],
    environment: {},
    stopSignal: 'SIGTERM',
  },
  /** Uvicorn's `serve.py` (uvicorn.run) and the ASGI dump application only its runs use. */
  uvicorn: {
    command: (config) => ['/usr/bin/python3', config],
    environment: {},
    stopSignal: 'SIGTERM',
    ownFiles: ['dump_asgi.py'],
  },
  /** The same `serve.py`, moved to `SITE.recordedPort` (its first argument) so the HTTP recorder can sit in front. */
  uvicornBehindRecorder: {
    command: (config) => ['/usr/bin/python3', config, String(SITE.recordedPort)],
    environment: {},
    stopSignal: 'SIGTERM',
    ownFiles: ['dump_asgi.py'],
  },
  /** wsgiref serving the Django example project (tests/fixtures/apps/framework_django.py) instead of the dump app. */
  wsgirefDjango: frameworkOnWsgiref('django'),
  /** wsgiref serving the Flask example application. */
  wsgirefFlask: frameworkOnWsgiref('flask'),
  /** wsgiref serving the web.py example application. */
  wsgirefWebpy: frameworkOnWsgiref('webpy'),
} as const satisfies Record<string, ServerProgram>;

/**
 * wsgiref's make_server() on the server port, as configs/wsgiref/serve.py, with one of the framework example
 * applications of tests/fixtures/apps (`framework_<name>.py`) in place of the dump application.
 */
function frameworkOnWsgiref(name: string): ServerProgram {
  const module = `framework_${name}`;
  return {
    command: () => ['/usr/bin/python3', `${SITE.root}/${SITE_DIRS.app}/serve_framework.py`, module, String(SITE.port)],
    environment: {},
    stopSignal: 'SIGTERM',
    ownFiles: ['serve_framework.py', `${module}.py`],
  };
}

/** The name of a server kind in `SERVER_PROGRAMS`. */
export type ServerProgramName = keyof typeof SERVER_PROGRAMS;

/**
 * Where the real servers run. Each pipeline runs in its own mount and network namespace (see
 * run-in-namespace.ts), so these fixed values are real — not placeholders rewritten afterwards — and the
 * captured bytes, lengths and FastCGI padding are exactly what the servers produced with them.
 */
export const SITE = {
  /** `{{ROOT}}`: a private tmpfs mounted over /srv inside the namespace. */
  root: '/srv/hop',
  /** `{{PORT}}`: the web server's (or WSGI server's) port on 127.0.0.1. */
  port: 8080,
  /** `{{UPSTREAM_PORT}}`: the FastCGI application server's port on 127.0.0.1. */
  upstreamPort: 9000,
  /** Where an upstream listens when a recorder relays the upstream port to it (nginx-uwsgi's `recorder` run). */
  relayedPort: 9001,
  /** Where an HTTP application server listens when the HTTP recorder takes `upstreamPort` and relays to it. */
  recordedPort: 9001,
  /** The one static file, served under `/static/`. */
  staticFile: { path: 'www/static/hello.txt', content: 'Hello from a static file\n' },
  /** Its modification time (2024-01-01T00:00:00Z), so Last-Modified and ETag are stable. */
  staticMtimeSeconds: 1704067200,
  /** The environment every server process starts with (Debian's apache2ctl sets the APACHE_* ones too). */
  launchEnvironment: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C' },
} as const;

/** The folders of the site tree, relative to `SITE.root`. */
export const SITE_DIRS = {
  /** Document root; `/static/` is its subfolder. */
  www: 'www',
  /** The dump applications. */
  app: 'app',
  /** Where the dump applications write what they saw (world-writable: servers run as www-data). */
  dumps: 'dumps',
  run: 'run',
  /** mod_cgid's socket (Debian's apache2ctl creates ${APACHE_RUN_DIR}/socks). */
  socks: 'run/socks',
  log: 'log',
  lock: 'lock',
  uploads: 'uploads',
} as const;

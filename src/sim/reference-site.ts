/**
 * The test setup the simulator reproduces: where the reference servers run and what their site holds. These are
 * the same on every run (the conformance harness starts each pipeline in fresh namespaces with exactly these
 * addresses, ports and paths), so traces and captures show them as they are. The values that do change from run
 * to run are in `VOLATILE`.
 */
export const REFERENCE_SITE = {
  /** The client's address as every server sees it (the tests connect over loopback). */
  remoteAddr: '127.0.0.1',
  /** The address the server listens on. */
  serverAddr: '127.0.0.1',
  /** `{{PORT}}`: the port the server listens on (SERVER_PORT where it comes from the socket). */
  serverPort: '8080',
  /** `{{UPSTREAM_PORT}}`: the FastCGI application server's port. */
  upstreamPort: '9000',
  /** `{{ROOT}}` of the reference configurations (the tests mount their site there). */
  root: '/srv/hop',
  /** The web servers' document root, `{{ROOT}}/www`; static files live in its `static/` directory. */
  documentRoot: '/srv/hop/www',
  /** Where the dump applications live, `{{ROOT}}/app`. */
  appRoot: '/srv/hop/app',
  /** What Python's socket.getfqdn() gives for 127.0.0.1 (wsgiref's SERVER_NAME). */
  hostname: 'localhost',
  /** Apache's ServerName when none is configured: the machine's name, which resolves to this address in the tests. */
  apacheServerName: '127.0.0.1',
  /** The server process's PATH, inherited by CGI scripts and gateways (wsgiref copies it into every environ). */
  path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  /** The server process's LANG (wsgiref copies it into every environ; Python adds LC_CTYPE=C.UTF-8, PEP 538). */
  lang: 'C',
  /** The socket's file descriptor number in Python reprs such as `<_io.BufferedReader name=4>`. */
  socketFd: '4',
  /** The static file's modification time, as Last-Modified shows it; ETags derive from `mtimeSeconds`. */
  lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
  /** The static file's modification time in seconds since the epoch (set by the test setup). */
  mtimeSeconds: 1704067200,
} as const;

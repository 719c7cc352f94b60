/**
 * Fixed values the simulator writes where a real server's output depends on the run or the machine: the clock and
 * the client port (truly volatile, see `VOLATILE_FIELDS`) and the test setup's addresses, ports and paths.
 */
export const VOLATILE = {
  /** `Date:` response header. */
  date: 'Mon, 01 Jan 2024 00:00:00 GMT',
  /** The client's address as every server sees it (the tests connect over loopback). */
  remoteAddr: '127.0.0.1',
  /** The client's ephemeral port (REMOTE_PORT). */
  remotePort: '50000',
  /** The address the server listens on. */
  serverAddr: '127.0.0.1',
  /** The port the server listens on (SERVER_PORT where it comes from the socket). */
  serverPort: '8080',
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
  /** mod_wsgi's per-request id and start times (microseconds since the epoch). */
  modWsgiRequestId: 'AAAAAAAAAAA',
  modWsgiRequestStart: '1704067200000000',
  /** The server process's PATH, inherited by CGI scripts and gateways. */
  path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  /** The socket file descriptor number in Python reprs such as `<_io.BufferedReader name=4>`. */
  socketFd: '4',
  /** `{{UPSTREAM_PORT}}`: the FastCGI application server's port. */
  upstreamPort: '9000',
  /** Static file modification time (Last-Modified) and the ETag derived from it. */
  lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
  /** `Expires:` that Werkzeug's static_files sets to now + 12 hours. */
  expires: 'Mon, 01 Jan 2024 12:00:00 GMT',
  /** Seconds since the epoch of `lastModified`, used to build ETags. */
  mtimeSeconds: 1704067200,
} as const;

/**
 * The fields that vary from run to run on the real servers, by where they appear; the simulator writes the fixed
 * values of `VOLATILE` there and the conformance tests normalise the captures the same way. Everything else (ports
 * 8080/9000, paths under /srv/hop, host names) is fixed by the test setup and compared byte for byte.
 */
export const VOLATILE_FIELDS = {
  /** Response headers whose values vary per run (`Expires` comes from Werkzeug's static_files). */
  responseHeaders: ['Date', 'Expires'],
  /** CGI / FastCGI / WSGI / $_SERVER variables whose values vary per run. */
  variables: [
    'REMOTE_PORT',
    'werkzeug.socket',
    'mod_wsgi.request_start',
    'mod_wsgi.queue_start',
    'mod_wsgi.daemon_start',
    'mod_wsgi.script_start',
    'mod_wsgi.request_id',
    'mod_wsgi.connection_id',
    'mod_wsgi.thread_id',
    'mod_wsgi.thread_requests',
    'mod_wsgi.total_requests',
    'REQUEST_TIME',
    'REQUEST_TIME_FLOAT',
  ],
  /** Python reprs keep no memory address (` at 0x…` is removed), so they need no further normalising. */
  reprs: 'memory addresses are left out of every repr()',
  /** wsgiref copies os.environ into every environ: the simulator shows the test environment (PATH, LANG=C, LC_CTYPE). */
  processEnvironment: ['PATH', 'LANG', 'LC_CTYPE'],
} as const;

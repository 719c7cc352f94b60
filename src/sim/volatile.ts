/**
 * THE list of values that change from run to run on the real servers, and the fixed value the simulator writes
 * in their place. The committed captures carry the same fixed values, and the conformance tests ignore exactly
 * this list (tests/conformance/volatile.ts masks and normalises from it); tests/unit/sim/volatile.test.ts fails
 * when the simulator, the captures or the masking stop agreeing with it.
 *
 * Everything else in a trace is compared byte for byte. Values fixed by the test setup rather than by the run
 * (addresses, ports, paths, the static file's modification time) are not volatile: see `REFERENCE_SITE`.
 */
export const VOLATILE = {
  /** Response headers whose value changes from run to run, by header name: the fixed value (an HTTP-date). */
  headers: {
    /** `Date` (RFC 9110 §6.6.1): the time the response was made. Same length as any IMF-fixdate. */
    Date: 'Mon, 01 Jan 2024 00:00:00 GMT',
    /** `date`: Uvicorn writes the header name in lower case (h11 sends header names as it is given them). */
    date: 'Mon, 01 Jan 2024 00:00:00 GMT',
    /** `Expires`: Werkzeug's static_files sets it to the time of the response + 12 hours. */
    Expires: 'Mon, 01 Jan 2024 12:00:00 GMT',
  },
  /**
   * Error-log lines that a server writes in some runs and not in others, depending on how fast the machine is: left
   * out of the fault captures and of the comparison (each a regular expression matched against the whole line).
   */
  logsSometimes: {
    /**
     * Gunicorn's arbiter sends SIGABRT to a worker past its timeout, and SIGKILL if it is still there at its next
     * check (a second later); the worker usually exits in between, so this line, from reaping a killed worker, is rare.
     */
    gunicornWorkerKilled: String.raw`^\[[^\]]+\] \[\d+\] \[WARNING\] Worker with pid \d+ was terminated due to signal 9$`,
  } as Readonly<Record<string, string>>,
  /** Response headers whose comma-separated items come in an order that changes from run to run. */
  listHeaders: {
    /**
     * `Allow`: Apache builds the list of its 501 answers from a hash table seeded per process, and Werkzeug its
     * 405 and OPTIONS answers from a Python set (string hashes are seeded per process too). Written with the items
     * sorted alphabetically, separators kept.
     */
    Allow: 'sorted',
  },
  /**
   * Cookies the framework applications set whose value is partly random, by cookie name: what comes before the
   * volatile part, the volatile part (both as regular expressions) and the fixed value the simulator writes for it.
   */
  cookies: {
    /** Django: a new session key, 32 random characters from [a-z0-9] (SessionBase._get_new_session_key). */
    sessionid: { before: '', volatile: '[a-z0-9]{32}', fixed: 'h0pbyh0pfixedsessionid00000000ab' },
    /**
     * Flask: the session's payload (kept), then itsdangerous' timestamp (6 characters of base64 of the clock) and
     * the HMAC signature (27 characters), which changes with it.
     */
    session: {
      before: '[A-Za-z0-9_-]+\\.',
      volatile: '[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27}',
      fixed: 'ZZIAgA.hop-by-hop-fixed-signature0',
    },
  },
  /** The `expires=` attribute of a Set-Cookie (Django's session cookie: the clock + SESSION_COOKIE_AGE). */
  cookieExpires: 'Mon, 15 Jan 2024 00:00:00 GMT',
  /**
   * The client's ephemeral port, wherever a server shows it: REMOTE_PORT, werkzeug.socket's repr, the FastCGI
   * PARAMS bytes. The kernel picks a new one per connection. Ephemeral ports (32768–60999) have five digits,
   * like this value, so FastCGI lengths and padding stay exact.
   */
  clientPort: '50000',
  /**
   * Variables (CGI env, FastCGI params, WSGI environ, PHP $_SERVER) whose whole value changes from run to run,
   * by exact name: the fixed value, as the trace shows it (str values as text, others as their repr()).
   */
  variables: {
    /** mod_wsgi: the clock when Apache accepted the request, in microseconds since the epoch. */
    'mod_wsgi.request_start': '1704067200000000',
    /** mod_wsgi (daemon mode): the clock when the request was queued for the daemon process (µs since the epoch). */
    'mod_wsgi.queue_start': '1704067200000000',
    /** mod_wsgi (daemon mode): the clock when the daemon process took the request (µs since the epoch). */
    'mod_wsgi.daemon_start': '1704067200000000',
    /** mod_wsgi: the clock when the WSGI script was called (µs since the epoch). */
    'mod_wsgi.script_start': '1704067200000000',
    /** mod_wsgi: the request's id, random per request. */
    'mod_wsgi.request_id': 'AAAAAAAAAAA',
    /** mod_wsgi: which of the process's worker threads took the request. */
    'mod_wsgi.thread_id': '1',
    /** mod_wsgi: how many requests that thread had handled before, which depends on earlier runs in the process. */
    'mod_wsgi.thread_requests': '0',
    /** mod_wsgi: how many requests the process had handled before. */
    'mod_wsgi.total_requests': '0',
    /** PHP: the time the request started, in seconds since the epoch. */
    REQUEST_TIME: '1704067200',
    /** PHP: the time the request started, with microseconds. */
    REQUEST_TIME_FLOAT: '1704067200.000000',
    /**
     * ASGI scope `client` behind a proxy: the (host, port) of the web server's own connection to the application
     * server, whose port the kernel picks per connection; a five-digit port like `clientPort`.
     */
    client: "('127.0.0.1', 50000)",
    /** uwsgi (the flup pipelines' reference gateway): the machine's host name, as bytes. */
    'uwsgi.node': "b'localhost'",
  },
  /**
   * Parts of the servers' error-log lines that change from run to run: a regular expression (JavaScript syntax,
   * applied to each line, every match, in this order) and what replaces it, `$1`… being its groups. The simulator
   * writes log lines with the replacement already in place; tests/conformance/volatile.ts masks the captured lines
   * with these rules.
   */
  logs: {
    /** nginx: the local time, the level, then the worker's `pid#tid` (`ngx_log_error_core`). */
    nginxTime: {
      pattern: String.raw`^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} \[(\w+)\] \d+#\d+: `,
      fixed: '2024/01/01 00:00:00 [$1] 1000#1000: ',
    },
    /** nginx: the connection's number (`*N`), counted by the worker since it started. */
    nginxConnection: { pattern: String.raw`^(2024/01/01 00:00:00 \[\w+\] 1000#1000: )\*\d+ `, fixed: '$1*1 ' },
    /** uWSGI's request log line: the worker's pid and its and the instance's request counters. */
    uwsgiRequest: {
      pattern: String.raw`^\[pid: \d+\|app: (-?\d+)\|req: \d+/\d+\] `,
      fixed: '[pid: 1000|app: $1|req: 1/1] ',
    },
    /** uWSGI's request log line: the time the request started (ctime format). */
    uwsgiDate: {
      pattern: String.raw`(?<=^\[pid: .*\} \[)[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}(?=\] )`,
      fixed: 'Mon Jan  1 00:00:00 2024',
    },
    /** uWSGI's own messages (uwsgi_log_verbose): the local time, ctime format, then ` - `. */
    uwsgiLogTime: {
      pattern: String.raw`^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4} - `,
      fixed: 'Mon Jan  1 00:00:00 2024 - ',
    },
    /** uWSGI's "Unhandled object from iterator" message: the object's address in memory. */
    uwsgiObjectAddress: {
      pattern: String.raw`(?<=Unhandled object from iterator: .*\()0x[0-9a-f]+(?=\)$)`,
      fixed: '0x7f0000000000',
    },
    /** uWSGI's request log line: how long the request took, in milliseconds. */
    uwsgiMsecs: { pattern: String.raw`(?<=^\[pid: .* bytes in )\d+(?= msecs )`, fixed: '0' },
    /** Gunicorn's log lines: the time and the pid of the process writing. */
    gunicornPrefix: {
      pattern: String.raw`^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}\] \[\d+\] `,
      fixed: '[2024-01-01 00:00:00 +0000] [1000] ',
    },
    /** Gunicorn: a worker's pid (`WORKER TIMEOUT (pid:30)`, `Worker exiting (pid: 30)`, `Booting worker with pid: 34`). */
    gunicornWorker: { pattern: String.raw`(?<before>\(pid: ?|with pid: )\d+`, fixed: '$<before>1000' },
    /** Apache's ErrorLog lines: the time, to the microsecond. */
    apacheTime: {
      pattern: String.raw`^\[[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2}\.\d{6} \d{4}\] `,
      fixed: '[Mon Jan 01 00:00:00.000000 2024] ',
    },
    /** Apache's ErrorLog lines: the process and thread that wrote them. */
    apacheProcess: { pattern: String.raw`\[pid \d+:tid \d+\]`, fixed: '[pid 1000:tid 1000]' },
    /** mod_wsgi names the process that ran the application. */
    modWsgiPid: { pattern: String.raw`mod_wsgi \(pid=\d+\)`, fixed: 'mod_wsgi (pid=1000)' },
    /** lighttpd's server.errorlog lines: the time. */
    lighttpdTime: { pattern: String.raw`^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}: `, fixed: '2024-01-01 00:00:00: ' },
    /** wsgiref's and Werkzeug's request lines on stderr (BaseHTTPRequestHandler.log_date_time_string). */
    pythonRequestTime: {
      pattern: String.raw`^127\.0\.0\.1 - - \[\d{2}/[A-Z][a-z]{2}/\d{4} \d{2}:\d{2}:\d{2}\] "`,
      fixed: '127.0.0.1 - - [01/Jan/2024 00:00:00] "',
    },
    /** mod_wsgi: the daemon socket's name holds Apache's parent process id (`wsgi.<pid>.<generation>.<id>.sock`). */
    modWsgiSocket: { pattern: String.raw`/wsgi\.\d+\.(\d+\.\d+\.sock)`, fixed: '/wsgi.1000.$1' },
    /** Uvicorn's access log line: the port of the web server's own connection to it (the kernel picks it). */
    uvicornPeer: { pattern: String.raw`^(?<prefix>INFO: +)127\.0\.0\.1:\d+ - `, fixed: '$<prefix>127.0.0.1:50000 - ' },
  } as Readonly<Record<string, { pattern: string; fixed: string }>>,
} as const;

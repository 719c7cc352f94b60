/**
 * The failing applications the conformance suite writes over the dump applications to make a fault happen
 * (tests/fixtures/faults/, each under the name the reference configuration runs: dump_php.php, dump_wsgi.py,
 * dump_asgi.py): what they do, down to the lines Python and PHP quote from them in tracebacks.
 */
import type { WsgiApplication } from '../wsgi/application.ts';
import { REFERENCE_SITE } from '../reference-site.ts';
import { fromLatin1 } from '../bytes.ts';

/** How long the `*_sleep` applications sleep before they answer, longer than any captured timeout. */
export const FAULT_SLEEP_SECONDS = 4;

/**
 * What wsgi_sleep.py answers once it wakes up: `start_response("200 OK", [("Content-Type", "text/plain")])` and
 * `b"too late\n"`, as an HTTP head and body (uWSGI logs their sizes when it has written them to the closed socket).
 */
export const SLOW_ANSWER = { head: 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n', body: 'too late\n' };

/** The exception the `*_exception` applications raise (PHP throws it). */
export const FAULT_EXCEPTION = { python: 'RuntimeError', php: 'RuntimeException', message: 'the application failed' };

/** php_exception.php: `throw new RuntimeException(…)` on line 3. */
export const PHP_EXCEPTION = {
  file: `${REFERENCE_SITE.appRoot}/dump_php.php`,
  line: 3,
};

/**
 * What PHP 8.2's fatal error handler writes for the uncaught exception (display_errors off, log_errors on, no
 * error_log: php-fpm sends the message on FastCGI STDERR, prefixed "PHP message: "), verified with php8.2-fpm.
 */
export function phpUncaughtMessage(): string {
  const { file, line } = PHP_EXCEPTION;
  const { php, message } = FAULT_EXCEPTION;
  return `PHP message: PHP Fatal error:  Uncaught ${php}: ${message} in ${file}:${String(line)}\nStack trace:\n#0 {main}\n  thrown in ${file} on line ${String(line)}`;
}

/** What php-fpm writes on STDOUT after the fatal error: status 500 and PHP's default Content-type, no body. */
export const PHP_FATAL_STDOUT = 'Status: 500 Internal Server Error\r\nContent-type: text/html; charset=UTF-8\r\n\r\n';

/** php_bad_header.php: `header('This header has no colon')`, which PHP passes on as it is, then its body. */
export const PHP_BAD_HEADER_STDOUT =
  'This header has no colon\r\nContent-type: text/html; charset=UTF-8\r\n\r\nnever seen\n';

/** The WSGI and ASGI applications' own traceback frames (their files, lines and source lines). */
export const PYTHON_FAULT_FRAMES = {
  /** wsgi_exception.py line 5. */
  wsgiException: [
    `  File "${REFERENCE_SITE.appRoot}/dump_wsgi.py", line 5, in application`,
    '    raise RuntimeError("the application failed")',
  ],
  /** wsgi_bad_header.py line 5: the start_response call with the bad header. */
  wsgiBadHeader: [
    `  File "${REFERENCE_SITE.appRoot}/dump_wsgi.py", line 5, in application`,
    '    start_response("200 OK", [("Content-Type", "text/plain"), ("This header", "has a space in its name")])',
  ],
  /** asgi_exception.py line 8. */
  asgiException: [
    `  File "${REFERENCE_SITE.appRoot}/dump_asgi.py", line 8, in application`,
    '    raise RuntimeError("the application failed")',
  ],
  /** asgi_bad_header.py line 9: the send() of http.response.start. */
  asgiBadHeader: [
    `  File "${REFERENCE_SITE.appRoot}/dump_asgi.py", line 9, in application`,
    '    await send({"type": "http.response.start", "status": 200, "headers": headers})',
  ],
} as const;

/** The exception line that ends the traceback of the `*_exception` applications. */
export const PYTHON_EXCEPTION_LINE = `${FAULT_EXCEPTION.python}: ${FAULT_EXCEPTION.message}`;

/** The header wsgi_bad_header.py and asgi_bad_header.py send: a space in its name, which no HTTP parser accepts. */
export const BAD_HEADER: readonly [string, string] = ['This header', 'has a space in its name'];

/** The failing WSGI applications by fault, named as traces show them (each file is written over dump_wsgi.py). */
export const WSGI_FAULT_APP_NAMES = {
  'app-exception': 'wsgi_exception:application',
  'bad-response': 'wsgi_bad_header:application',
  'app-timeout': 'wsgi_sleep:application',
} as const;

/** wsgi_bad_header.py: a 200 with a Content-Type and the bad header, and a body nobody sees. */
export function createBadHeaderApp(): WsgiApplication {
  return {
    name: WSGI_FAULT_APP_NAMES['bad-response'],
    call(invocation, startResponse) {
      invocation.log.push('application calls start_response("200 OK", [Content-Type, This header])');
      startResponse('200 OK', [['Content-Type', 'text/plain'], [...BAD_HEADER]]);
      return { items: [fromLatin1('never seen\n')], hasClose: false };
    },
  };
}

/** The failing ASGI applications by fault, named as traces show them (each file is written over dump_asgi.py). */
export const ASGI_FAULT_APP_NAMES = {
  'app-exception': 'asgi_exception:application',
  'bad-response': 'asgi_bad_header:application',
  'app-timeout': 'asgi_sleep:application',
} as const;

/** The ASGI bad-header application's http.response.start headers (lower case, as bytes). */
export const ASGI_BAD_HEADERS: readonly (readonly [string, string])[] = [
  ['content-type', 'text/plain'],
  ['this header', 'has a space in its name'],
];

/** cgi_exception.py, written over dump_cgi.py: `raise RuntimeError(…)` on line 3, before it writes anything. */
export const CGI_EXCEPTION_FRAME: readonly string[] = [
  `  File "${REFERENCE_SITE.appRoot}/dump_cgi.py", line 3, in <module>`,
  '    raise RuntimeError("the application failed")',
];

/** cgi_bad_header.py: a Content-Type, then a header line without a colon, then its body. */
export const CGI_BAD_HEADER_STDOUT = 'Content-Type: text/plain\r\nThis header has no colon\r\n\r\nnever seen\n';

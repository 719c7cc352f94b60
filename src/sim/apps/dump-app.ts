import type { WsgiApplication } from '../wsgi/application.ts';
import { readInput } from '../wsgi/run-application.ts';
import { utf8 } from '../bytes.ts';

/** The dump applications' fixed body (tests' canned_responses.py). */
export const DUMP_BODY = utf8('Hello from the app\n');

/** RFC 3875 §6.3.3: a Status whose reason is not the standard one, to show whether it survives. */
export const DUMP_CUSTOM_STATUS = '404 Gone Fishing';

/** The CGI-style answer of the dump CGI script and FastCGI recorder, chosen by a keyword in the path. */
export function dumpCgiOutput(path: string): Uint8Array {
  if (path.includes('custom-status'))
    return utf8(`Status: ${DUMP_CUSTOM_STATUS}\r\nContent-Type: text/plain\r\n\r\nHello from the app\n`);
  // RFC 3875 §6.2.2 local redirect and §6.2.3 client redirect.
  if (path.includes('local-redirect')) return utf8('Location: /static/hello.txt\r\n\r\n');
  if (path.includes('client-redirect')) return utf8('Location: http://example.test/moved\r\n\r\n');
  return utf8('Content-Type: text/plain\r\n\r\nHello from the app\n');
}

/** The WSGI dump application the conformance servers run: reads the body, answers a fixed text. */
export function createDumpApp(): WsgiApplication {
  return {
    name: 'dump_wsgi:application',
    call({ environ, input, log }, startResponse) {
      log.push(`dump_wsgi reads ${readInput(environ, input).length} body bytes and records the environ`);
      const path = environ.str('SCRIPT_NAME') + environ.str('PATH_INFO');
      startResponse(path.includes('custom-status') ? DUMP_CUSTOM_STATUS : '200 OK', [
        ['Content-Type', 'text/plain'],
        ['Content-Length', String(DUMP_BODY.length)],
      ]);
      return { items: [DUMP_BODY], hasClose: false };
    },
  };
}

import type { AsgiEvent, LogLine } from '../../trace.ts';
import type { H11Request } from './uvicorn-scope.ts';
import { logLine } from '../../faults/fault-hops.ts';
import { reasonPhrase } from '../../http/reason-phrases.ts';
import { PYTHON_EXCEPTION_LINE, PYTHON_FAULT_FRAMES } from '../../apps/fault-apps.ts';
import { VOLATILE } from '../../volatile.ts';

/** serve.py sets no log_config file: Uvicorn's default logging goes to its standard error. */
const LOG = 'stderr';

const line = (text: string): LogLine => logLine('uvicorn', LOG, text);

/**
 * The frames of uvicorn 0.17.6 (h11_impl.py RequestResponseCycle.run_asgi, then the proxy headers middleware)
 * above the application in its tracebacks, under Python 3.11 (carets under the failing call).
 */
const RUN_ASGI_FRAMES = [
  '  File "/usr/lib/python3/dist-packages/uvicorn/protocols/http/h11_impl.py", line 366, in run_asgi',
  '    result = await app(self.scope, self.receive, self.send)',
  '             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
  '  File "/usr/lib/python3/dist-packages/uvicorn/middleware/proxy_headers.py", line 75, in __call__',
  '    return await self.app(scope, receive, send)',
  '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
];

/** h11's frames below the application's send() when it refuses a header name (h11 0.14 under Python 3.11). */
const H11_REFUSAL_FRAMES = [
  '  File "/usr/lib/python3/dist-packages/uvicorn/protocols/http/h11_impl.py", line 442, in send',
  '    event = h11.Response(',
  '            ^^^^^^^^^^^^^',
  '  File "/usr/lib/python3/dist-packages/h11/_events.py", line 151, in __init__',
  '    self, "headers", normalize_and_validate(headers, _parsed=_parsed)',
  '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
  '  File "/usr/lib/python3/dist-packages/h11/_headers.py", line 163, in normalize_and_validate',
  '    validate(_field_name_re, name, "Illegal header name {!r}", name)',
  '  File "/usr/lib/python3/dist-packages/h11/_util.py", line 91, in validate',
  '    raise LocalProtocolError(msg)',
];

/** Uvicorn's access log line (the web server's connection: `VOLATILE.variables.client`'s fixed port). */
export function uvicornAccessLine(request: H11Request, status: number): LogLine {
  const peer = `127.0.0.1:${VOLATILE.clientPort}`;
  return line(
    `INFO:     ${peer} - "${request.method} ${request.target} HTTP/${request.httpVersion}" ${String(status)} ${reasonPhrase(status)}`,
  );
}

/**
 * RequestResponseCycle.send_500_response: what Uvicorn sends when the application raised before its response
 * started (a 500 with a plain-text body; the Connection header is h11's).
 */
export const UVICORN_500_EVENTS: AsgiEvent[] = [
  { type: 'http.response.start', status: 500, headers: [['content-type', 'text/plain; charset=utf-8']] },
  { type: 'http.response.body', body: 'Internal Server Error' },
];

/**
 * The application raised before it started its response: run_asgi logs "Exception in ASGI application" with the
 * traceback, then sends the 500, whose access line follows (verified with the fault runs).
 */
export function uvicornRaisedLog(request: H11Request): LogLine[] {
  return [
    line('ERROR:    Exception in ASGI application'),
    line('Traceback (most recent call last):'),
    ...[...RUN_ASGI_FRAMES, ...PYTHON_FAULT_FRAMES.asgiException, PYTHON_EXCEPTION_LINE].map(line),
    uvicornAccessLine(request, 500),
  ];
}

/**
 * The application's http.response.start carries a header name h11 refuses: Uvicorn has logged the access line
 * (it logs when the response starts), then h11 raises LocalProtocolError inside send(); run_asgi logs the
 * traceback and, the response having started, closes the connection without a byte.
 */
export function uvicornIllegalHeaderLog(request: H11Request, status: number, name: string): LogLine[] {
  return [
    uvicornAccessLine(request, status),
    line('ERROR:    Exception in ASGI application'),
    line('Traceback (most recent call last):'),
    ...[...RUN_ASGI_FRAMES, ...PYTHON_FAULT_FRAMES.asgiBadHeader, ...H11_REFUSAL_FRAMES].map(line),
    line(`h11._util.LocalProtocolError: Illegal header name b'${name}'`),
  ];
}

/** h11's rule for a header name (RFC 9110 §5.6.2 token): the first name of the list that breaks it, or null. */
export function illegalHeaderName(headers: readonly (readonly [string, string])[]): string | null {
  return headers.find(([name]) => !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))?.[0] ?? null;
}

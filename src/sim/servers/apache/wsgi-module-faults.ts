import type { LogLine, Message } from '../../trace.ts';
import { msg } from '../../message.ts';
import type { HttpResponse } from '../../http/types.ts';
import type { RequestContext } from '../request-context.ts';
import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import { apacheLogLine, apacheRawLines, type ApachePeer } from './apache-error-log.ts';
import { APACHE } from './apache-profile.ts';
import { MOD_WSGI_SCRIPT } from './mod-wsgi.ts';
import { BAD_HEADER, PYTHON_EXCEPTION_LINE, PYTHON_FAULT_FRAMES } from '../../apps/fault-apps.ts';
import { pythonTraceback } from '../python/python-stderr.ts';
import { concatBytes } from '../../bytes.ts';
import { runModWsgiAdapter } from './mod-wsgi-adapter.ts';
import { runModPythonHandler } from './mod-python-handler.ts';
import { finishApacheResponse } from './apache-profile.ts';
import { encodeChunked } from '../../http/serialize-response.ts';
import type { OddResultAnswer } from '../profile.ts';
import { modWsgiAnswering } from './apache-expect.ts';

/** What Apache sends and logs when the application a module runs fails (the fault runs' failing applications). */
export interface WsgiModuleFaults {
  /** The application raised (wsgi_exception.py). */
  raised(context: RequestContext, daemon: boolean): { response: HttpResponse; log: LogLine[] };
  /** The application gave a header name with a space in it (wsgi_bad_header.py); `result` is what it returned. */
  badHeader(
    context: RequestContext,
    daemon: boolean,
    result: WsgiRunResult,
  ): { response: HttpResponse; log: LogLine[]; failed: Message };
}

/** mod_wsgi's daemon process group in the reference config (`WSGIDaemonProcess hop`). */
const DAEMON_GROUP = 'hop';

/** mod_wsgi logs the exception line, then each line of the traceback, as one log entry each (mod_wsgi.c, wsgi_log_python_error). */
function modWsgiTraceback(daemon: boolean, frames: readonly string[], last: string): LogLine[] {
  // In the daemon process the request's client is the "remote" address (it has no connection of its own).
  const peer: ApachePeer = daemon ? 'remote' : 'client';
  return [
    `mod_wsgi (pid=1000): Exception occurred processing WSGI script '${MOD_WSGI_SCRIPT}'.`,
    ...pythonTraceback(frames, last),
  ].map((line) => apacheLogLine('wsgi', line, { peer }));
}

/** mod_wsgi 4.9.4: observed under Apache 2.4.71 with the fault runs' applications. */
export const MOD_WSGI_FAULTS: WsgiModuleFaults = {
  raised: (context, daemon) => ({
    response: APACHE.errorResponse(500, context),
    log: modWsgiTraceback(daemon, PYTHON_FAULT_FRAMES.wsgiException, PYTHON_EXCEPTION_LINE),
  }),
  // start_response checks each header name (wsgi_validate_header_name): a space raises ValueError in the application.
  badHeader: (context, daemon) => ({
    response: APACHE.errorResponse(500, context),
    log: modWsgiTraceback(
      daemon,
      PYTHON_FAULT_FRAMES.wsgiBadHeader,
      'ValueError: space character present in header name',
    ),
    failed: msg('fault.apache.modWsgiChecksHeader'),
  }),
};

/** mod_python logs each traceback entry as one line, its own line ends written as `\n` (apache.py, ReportError). */
function modPythonTraceback(entries: readonly string[]): LogLine[] {
  return entries.map((entry) => apacheLogLine('', `PythonHandler mod_python.wsgi: ${entry}`));
}

const DISPATCH =
  '  File "/usr/lib/python3/dist-packages/mod_python/apache.py", line 402, in HandlerDispatch\\n    result = obj(req)\\n             ^^^^^^^^';

/** mod_python 3.5.0's WSGI handler: observed under Apache 2.4.71 with the fault runs' applications. */
export const MOD_PYTHON_FAULTS: WsgiModuleFaults = {
  raised: (context) => ({
    response: APACHE.errorResponse(500, context),
    log: modPythonTraceback([
      'Traceback (most recent call last):',
      DISPATCH,
      '  File "/usr/lib/python3/dist-packages/mod_python/wsgi.py", line 71, in handler\\n    response = app(env, req.wsgi_start_response)\\n               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      PYTHON_FAULT_FRAMES.wsgiException.join('\\n'),
      PYTHON_EXCEPTION_LINE,
    ]),
  }),
  // mod_python hands the header to Apache unchecked; Apache's header filter refuses it when the body is written
  // (AH02429) and sends its 500 page, with a Content-Length that also counts the body the application wrote; the
  // handler's write then fails, and mod_python's own error page follows the first on the connection (observed).
  badHeader(context, _daemon, result) {
    const [name] = BAD_HEADER;
    const page = APACHE.errorResponse(500, context);
    const length = page.body.length + result.body.length;
    return {
      response: {
        ...page,
        headers: page.headers.map(([n, v]): [string, string] => [n, n === 'Content-Length' ? String(length) : v]),
        body: concatBytes([page.body, page.body]),
      },
      log: [
        apacheLogLine('http', `AH02429: Response header name '${name}' contains invalid characters, aborting request`),
        ...modPythonTraceback([
          'Traceback (most recent call last):',
          DISPATCH,
          '  File "/usr/lib/python3/dist-packages/mod_python/wsgi.py", line 72, in handler\\n    [req.write(token) for token in response]',
          '  File "/usr/lib/python3/dist-packages/mod_python/wsgi.py", line 72, in <listcomp>\\n    [req.write(token) for token in response]\\n     ^^^^^^^^^^^^^^^^',
          'OSError: Write failed, client closed connection.',
        ]),
      ],
      failed: msg('fault.apache.headerRejected', { name: JSON.stringify(name) }),
    };
  },
};

/** mod_wsgi daemon mode: what the Apache child sends and logs when the daemon process fails it (observed). */
export const MOD_WSGI_DAEMON_FAULTS = {
  /** No response headers within socket-timeout (Apache's Timeout unless set): the child answers 504. */
  timeout: (context: RequestContext): { response: HttpResponse; log: LogLine[] } => ({
    response: APACHE.errorResponse(504, context),
    log: [
      apacheLogLine(
        'wsgi',
        `Timeout when reading response headers from daemon process '${DAEMON_GROUP}': ${MOD_WSGI_SCRIPT}`,
      ),
    ],
  }),
};

/**
 * mod_wsgi with the application's result (`runModWsgiAdapter`): Apache's 500 page while nothing went out, else the
 * response as far as it got. Embedded, each item is flushed as its own chunk and an exception aborts the
 * connection before the last chunk; in daemon mode Apache reads the daemon's answer through and ends it normally.
 */
export function modWsgiRespond(result: WsgiRunResult, context: RequestContext, daemon: boolean): OddResultAnswer {
  const peer: ApachePeer = daemon ? 'remote' : 'client';
  const out = runModWsgiAdapter(
    result,
    `mod_wsgi (pid=1000): Exception occurred processing WSGI script '${MOD_WSGI_SCRIPT}'.`,
  );
  const log = out.log.map((line) => apacheLogLine('wsgi', line, { peer }));
  const failed =
    out.failure === null
      ? null
      : result.raised?.where === 'close' && out.head
        ? msg('wsgi.closeRaised', { exception: out.failure })
        : out.cut
          ? msg('wsgi.gatewayCut', { exception: out.failure, bytes: concatBytes(out.parts).length })
          : msg('wsgi.gatewayErrorPage', { exception: out.failure });
  if (!out.head || (out.failure !== null && !out.cut && result.raised?.where !== 'close'))
    return { response: APACHE.errorResponse(500, context), log, failed };
  const match = /^(\d{3}) ?(.*)$/.exec(out.head.status);
  const response = finishApacheResponse(
    {
      kind: 'document',
      status: Number(match?.[1] ?? 500),
      reason: match?.[2] ?? '',
      hasStatusField: true,
      headers: out.head.headers,
      body: concatBytes(out.parts),
      location: null,
      iterableLength: null,
    },
    modWsgiAnswering(context, daemon),
  );
  const chunked = response.headers.some(
    ([name, value]) => name.toLowerCase() === 'transfer-encoding' && value === 'chunked',
  );
  if (!chunked || daemon) return { response, log, failed };
  const body = encodeChunked(out.parts);
  const aborted = out.cut ? body.subarray(0, body.length - '0\r\n\r\n'.length) : body;
  return { response: { ...response, body: aborted }, log, failed };
}

/**
 * mod_python with the application's result (`runModPythonHandler`): the answer is 200 whatever the status (see
 * `finish`), each write its own chunk; an exception is logged by HandlerDispatch and Apache's 500 page follows:
 * alone when nothing was written, else as one more chunk of the answer already under way.
 */
export function modPythonRespond(result: WsgiRunResult, context: RequestContext): OddResultAnswer {
  const out = runModPythonHandler(result);
  const log = [...apacheRawLines('apache2', out.errors), ...modPythonTraceback(out.traceback)];
  const page = APACHE.errorResponse(500, context);
  if (out.failure !== null && out.parts.length === 0)
    return { response: page, log, failed: msg('wsgi.gatewayErrorPage', { exception: out.failure }) };
  const response = finishApacheResponse(
    {
      kind: 'document',
      status: 200,
      reason: 'OK',
      hasStatusField: true,
      headers: out.headers,
      body: concatBytes(out.parts),
      location: null,
      iterableLength: null,
    },
    context,
    { contentTypeLast: false },
  );
  const chunked = response.headers.some(
    ([name, value]) => name.toLowerCase() === 'transfer-encoding' && value === 'chunked',
  );
  const parts = out.failure === null ? out.parts : [...out.parts, page.body];
  const failed =
    out.failure === null
      ? null
      : result.raised?.where === 'close'
        ? msg('wsgi.closeRaised', { exception: out.failure })
        : msg('wsgi.gatewayCut', { exception: out.failure, bytes: concatBytes(out.parts).length });
  return { response: chunked ? { ...response, body: encodeChunked(parts) } : response, log, failed };
}

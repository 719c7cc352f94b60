import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import { isBytesItem } from '../../wsgi/application.ts';
import { fromLatin1 } from '../../bytes.ts';
import { HandlerRaise, handlerError, lastLine, splitTraceback, type Raised } from './gateway-raise.ts';
import { raisesInto, type GatewayRules } from '../../wsgi/gateway-rules.ts';
import { replayResult, type ReplayedCall } from './replay-result.ts';

/** What flup's handler wrote for an application's result (as the scripted peer plays fcgi_base.py). */
export interface FlupHandled {
  /** Each STDOUT write in order: the header block with the first item, then each item. */
  writes: Uint8Array[];
  /** The traceback Request.run prints to FCGI_STDERR ('' when nothing raised). */
  stderr: string;
  /** The traceback went out after something on STDOUT (a web server reads it while reading the body). */
  stderrAfterStdout: boolean;
  /** What the application wrote to wsgi.errors: the peer's own standard error. */
  errors: string[];
  /** BaseFCGIServer.error's page answered (nothing was on STDOUT yet). */
  errorPage: boolean;
  failure: string | null;
}

/** BaseFCGIServer.error's page with debug off (WSGIServer's default): no Status line, so the answer is a 200. */
export const FLUP_ERROR_PAGE =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>Unhandled Exception</title>\n</head><body>\n<h1>Unhandled Exception</h1>\n<p>An unhandled exception was thrown by the application.</p>\n</body></html>\n';

/**
 * The traceback as the peer prints it (`traceback.format_exception` from the application's first frame on): an
 * exception raised in flup's own code with no application frame under it is its last line alone.
 */
function flupTracebackText(raised: Raised): string {
  const lines = raised.traceback.length > 0 ? raised.traceback : [lastLine(raised.line)];
  return `${lines.join('\n')}\n`;
}

/**
 * flup 1.0.3's BaseFCGIServer.handler and Request.run (flup/server/fcgi_base.py, modelled from source: no Debian
 * package): write() asserts bytes and a prior start_response, then sends `Status:` and the headers with the first
 * data (Content-Length for a one-item result whose len() works); empty items are skipped; start_response asserts
 * "Headers already set!" without exc_info, re-raises exc_info once headers are out, and asserts a status of four
 * characters or more starting with a number; close() in a finally clause. An exception's traceback goes to
 * FCGI_STDERR and, with nothing on STDOUT yet, the error page follows.
 */
export function runFlupHandler(result: WsgiRunResult): FlupHandled {
  const errors = result.errors.flatMap((text) => splitTraceback(text));
  let headersSet: { status: string; headers: [string, string][] } | null = null;
  let headersSent = false;
  const writes: Uint8Array[] = [];
  const blocks = result.sized ? result.items.length : null;

  const write = (data: Uint8Array | null) => {
    if (data === null) throw handlerError('AssertionError', 'write() argument must be bytes');
    if (!headersSet) throw handlerError('AssertionError', 'write() before start_response()');
    if (!headersSent) {
      headersSent = true;
      const headers = [...headersSet.headers];
      if (!headers.some(([name]) => name.toLowerCase() === 'content-length') && blocks === 1)
        headers.push(['Content-Length', String(data.length)]);
      writes.push(
        fromLatin1(
          `Status: ${headersSet.status}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`,
        ),
      );
    }
    if (data.length > 0) writes.push(data);
  };
  // Raised inside start_response, which the application called: the printed traceback starts at its frame.
  const raisedIn = (type: string, message: string) =>
    new HandlerRaise({
      line: { type, message },
      traceback: ['Traceback (most recent call last):', lastLine({ type, message })],
    });
  const startResponse = (call: ReplayedCall) => {
    if (call.withExcInfo) {
      const caught = call.excInfoException ?? { type: 'Exception', message: '' };
      if (headersSent) throw raisedIn(caught.type, caught.message);
    } else if (headersSet) throw raisedIn('AssertionError', 'Headers already set!');
    if (call.status.length < 4) throw raisedIn('AssertionError', 'Status must be at least 4 characters');
    if (!/^\s*[+-]?\d+\s*$/.test(call.status.slice(0, 3)))
      throw raisedIn('ValueError', `invalid literal for int() with base 10: b'${call.status.slice(0, 3)}'`);
    headersSet = { status: call.status, headers: [...call.headers] };
  };
  // Empty items are skipped; close() in a finally clause, whose exception replaces the one under way.
  const raised = replayResult(result, {
    startResponse,
    item: (item) => {
      if (isBytesItem(item) && item.length === 0) return;
      write(isBytesItem(item) ? item : null);
    },
    finished: () => {
      if (!headersSent) write(new Uint8Array(0));
    },
    closeInFinally: true,
  });
  if (!raised) return { writes, stderr: '', stderrAfterStdout: false, errors, errorPage: false, failure: null };
  const stdoutWritten = writes.length > 0;
  if (!stdoutWritten) writes.push(fromLatin1(`Content-Type: text/html\r\n\r\n${FLUP_ERROR_PAGE}`));
  return {
    writes,
    stderr: flupTracebackText(raised),
    stderrAfterStdout: stdoutWritten,
    errors,
    errorPage: !stdoutWritten,
    failure: lastLine(raised.line),
  };
}

/** flup's start_response and write() (fcgi_base.py): both assert. */
export const FLUP_RULES: GatewayRules = {
  startResponseAgain: raisesInto('AssertionError', 'Headers already set!'),
  nonBytes: 'stop',
};

import { isBytesItem } from '../../wsgi/application.ts';
import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import { concatBytes } from '../../bytes.ts';
import { VOLATILE } from '../../volatile.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { msg, type Message } from '../../message.ts';
import {
  fromApplication,
  HandlerRaise,
  handlerError,
  lastLine,
  splitTraceback,
  tracebackLines,
  type Raised,
} from './gateway-raise.ts';
import { raisesInto, type GatewayRules } from '../../wsgi/gateway-rules.ts';
import { replayResult, type ReplayedCall } from './replay-result.ts';

/** BaseHandler.error_status, error_headers and error_body (wsgiref/handlers.py, Python 3.11). */
export const BASE_HANDLER_ERROR = {
  status: '500 Internal Server Error',
  headers: [['Content-Type', 'text/plain']] as [string, string][],
  body: 'A server error occurred.  Please contact the administrator.',
};

/** wsgiref.util._hoppish: the header names start_response refuses (PEP 3333 §"Other HTTP Features"). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailers',
  'transfer-encoding',
  'upgrade',
]);

/** Which handler: wsgiref.simple_server's ServerHandler (an origin server that logs requests) or CGIHandler. */
export interface BaseHandlerKind {
  /** `origin_server`: a status line and Date/Server (ServerHandler) or a `Status:` header (CGIHandler). */
  originServer: boolean;
  /** ServerHandler.close() logs the request line (`log_request(status code, bytes_sent)`); CGIHandler logs nothing. */
  accessLine: ((status: string, bytes: number) => string) | null;
}

/** What BaseHandler sent and wrote to stderr for an application's result. */
export interface BaseHandlerOutput {
  /** The status and header list as sent (after cleanup_headers), and the body bytes written after them. */
  status: string;
  headers: [string, string][];
  body: Uint8Array;
  /** Bytes written after the response (CGIHandler: a second header block and error page, once close() raised). */
  after: Uint8Array;
  /** Lines written to stderr, in order: wsgi.errors, tracebacks, access lines. */
  stderr: string[];
  /** The handler gave up with the headers already out: the client gets what was written so far. */
  cut: boolean;
  /** The iterable's close() raised after the whole response had gone out. */
  closeFailed: boolean;
  /** The last line of the exception that made the handler fail, if any (`Type: message`). */
  failure: string | null;
}

/** A response's head as CGIHandler writes it (origin_server False): `Status:`, the headers, a blank line. */
function cgiHead(status: string, headers: readonly [string, string][]): string {
  return `Status: ${status}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}

/** socketserver.BaseServer.handle_error: the chained traceback between two rules of dashes. */
function socketserverReport(first: Raised, second: Raised): string[] {
  const rule = '-'.repeat(40);
  return [
    rule,
    `Exception occurred during processing of request from ('${REFERENCE_SITE.remoteAddr}', ${VOLATILE.clientPort})`,
    ...tracebackLines(first),
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    ...tracebackLines(second),
    rule,
  ];
}

/** What the handler has sent so far. */
interface Sent {
  status: string;
  headers: [string, string][];
  body: Uint8Array[];
  bytes: number;
}

/** The handler's state while it runs the application: what start_response stored, what went out. */
class HandlerState {
  status: string | null = null;
  headers: [string, string][] | null = null;
  sent: Sent | null = null;

  /** start_response (handlers.py): exc_info, "Headers already set!", then the status and header assertions. */
  startResponse(call: ReplayedCall): void {
    if (call.withExcInfo) {
      // "if self.headers_sent: raise" — the exception exc_info carries goes back into the application.
      if (this.sent)
        throw new HandlerRaise({ line: call.excInfoException ?? { type: 'Exception', message: '' }, traceback: [] });
    } else if (this.headers !== null) throw handlerError('AssertionError', 'Headers already set!');
    // The status and headers are stored before they are checked.
    this.status = call.status;
    this.headers = [...call.headers];
    if (call.status.length < 4) throw handlerError('AssertionError', 'Status must be at least 4 characters');
    if (!/^\d{3}/.test(call.status)) throw handlerError('AssertionError', 'Status message must begin w/3-digit code');
    if (call.status[3] !== ' ') throw handlerError('AssertionError', 'Status message must have a space after code');
    for (const [name, value] of call.headers)
      if (HOP_BY_HOP.has(name.toLowerCase()))
        throw handlerError('AssertionError', `Hop-by-hop header, '${name}: ${value}', not allowed`);
  }

  /** write(): the headers go out with the first call (Content-Length when len(result) is 1: set_content_length). */
  write(data: Uint8Array, blocks: number | null): void {
    if (this.status === null) throw handlerError('AssertionError', 'write() before start_response()');
    if (!this.sent) {
      const headers: [string, string][] = [...(this.headers ?? [])];
      if (!headers.some(([name]) => name.toLowerCase() === 'content-length') && blocks === 1)
        headers.push(['Content-Length', String(data.length)]);
      this.sent = { status: this.status, headers, body: [], bytes: 0 };
    }
    this.sent.body.push(data);
    this.sent.bytes += data.length;
  }

  /** handle_error while no header is out: error_output's 500 page (len 1, so Content-Length: 59). */
  errorPage(): void {
    this.status = BASE_HANDLER_ERROR.status;
    this.headers = [...BASE_HANDLER_ERROR.headers];
    this.write(new TextEncoder().encode(BASE_HANDLER_ERROR.body), 1);
  }
}

/**
 * Runs the application's result through the handler up to close(): start_response calls at their place among the
 * items, write() for each item, finish_content. Returns the exception that stopped it, if any.
 */
function sendResult(result: WsgiRunResult, state: HandlerState): Raised | null {
  const blocks = result.sized ? result.items.length : null;
  // close() is BaseHandler.close's, after the loop (runBaseHandler): not part of it.
  return replayResult(result, {
    startResponse: (call) => state.startResponse(call),
    item: (item) => {
      if (!isBytesItem(item)) throw handlerError('AssertionError', 'write() argument must be a bytes instance');
      state.write(item, blocks);
    },
    // finish_content: an empty body still sends the headers, with Content-Length: 0.
    finished: () => {
      if (state.sent) return;
      if (state.headers === null)
        throw handlerError('AttributeError', "'NoneType' object has no attribute 'setdefault'");
      if (!state.headers.some(([name]) => name.toLowerCase() === 'content-length'))
        state.headers.push(['Content-Length', '0']);
      state.write(new Uint8Array(0), null);
    },
    closes: false,
  });
}

/**
 * wsgiref.handlers.BaseHandler.run (Python 3.11) over what an application did: start_response's assertions, write()
 * sending the headers with the first item (Content-Length when len(result) is 1), handle_error's traceback and
 * 500 page while no header is out, nothing more once they are, close() last. ServerHandler logs the request line
 * in close(); when the iterable's close() raises there, BaseHandler.close has already reset `environ` and
 * `headers_sent`, so the error page fails in send_headers (ServerHandler: `TypeError`, which socketserver
 * reports) or, for CGIHandler, which never reads `environ` there, is written after the body. Observed with
 * tests/fixtures/lab/ (FINDINGS.md, "Odd application results"); the handler's own traceback frames are left out.
 */
export function runBaseHandler(result: WsgiRunResult, kind: BaseHandlerKind): BaseHandlerOutput {
  const stderr = result.errors.flatMap((text) => splitTraceback(text));
  const state = new HandlerState();
  const access = () => {
    if (kind.accessLine && state.status !== null) stderr.push(kind.accessLine(state.status, state.sent?.bytes ?? 0));
  };
  const output = (
    sent: Sent | null,
    failure: Raised | null,
    after: Uint8Array = new Uint8Array(0),
    cut = false,
  ): BaseHandlerOutput => ({
    status: sent?.status ?? BASE_HANDLER_ERROR.status,
    headers: sent?.headers ?? [],
    body: concatBytes(sent?.body ?? []),
    after,
    stderr,
    cut,
    closeFailed: failure !== null && result.raised?.where === 'close' && !cut && sent !== null,
    failure: failure ? lastLine(failure.line) : null,
  });

  const raised = sendResult(result, state);
  if (raised) {
    // handle_error: log_exception, then error_output only while no header is out.
    stderr.push(...tracebackLines(raised));
    if (state.sent) return output(state.sent, raised, undefined, true);
    state.errorPage();
    access();
    return output(state.sent, raised);
  }
  // finish_response's else clause: self.close() — ServerHandler's access line, then the iterable's close().
  access();
  const sent = state.sent;
  if (result.raised?.where !== 'close') return output(sent, null);
  const closing = fromApplication(result.raised.exception);
  stderr.push(...tracebackLines(closing));
  if (kind.originServer) {
    // error_output → write → send_headers → client_is_modern(): self.environ is None now.
    const typeError: Raised = {
      line: { type: 'TypeError', message: "'NoneType' object is not subscriptable" },
      traceback: [],
    };
    if (kind.accessLine) stderr.push(kind.accessLine(BASE_HANDLER_ERROR.status, BASE_HANDLER_ERROR.body.length));
    stderr.push(...socketserverReport(closing, typeError));
    return output(sent, closing);
  }
  const reset = new HandlerState();
  reset.errorPage();
  const page = reset.sent;
  const bytes = page
    ? concatBytes([new TextEncoder().encode(cgiHead(page.status, page.headers)), ...page.body])
    : new Uint8Array(0);
  return output(sent, closing, bytes);
}

/** What failed, for the hop the handler's answer leaves on: an error page, a cut body, or a close() that raised. */
export function baseHandlerFailure(output: BaseHandlerOutput): Message | null {
  if (output.failure === null) return null;
  if (output.closeFailed) return msg('wsgi.closeRaised', { exception: output.failure });
  if (output.cut) return msg('wsgi.gatewayCut', { exception: output.failure, bytes: output.body.length });
  return msg('wsgi.gatewayErrorPage', { exception: output.failure });
}

/** A WSGI status as a status line carries it: the code (as a number) and the rest. */
export function splitStatus(status: string): [number, string] {
  const space = status.indexOf(' ');
  return space < 0 ? [statusCode(status), ''] : [statusCode(status), status.slice(space + 1)];
}

/** `status.split(' ', 1)[0]` as a number (what log_request prints); NaN-free: a non-number gives 0. */
export function statusCode(status: string): number {
  const code = Number.parseInt(status, 10);
  return Number.isNaN(code) ? 0 : code;
}

/**
 * BaseHandler's start_response (wsgiref/handlers.py): a second call without exc_info fails its assertion; an item
 * that is not bytes fails write()'s, which ends the iteration. wsgiref's ServerHandler and CGIHandler both.
 */
export const BASE_HANDLER_RULES: GatewayRules = {
  startResponseAgain: raisesInto('AssertionError', 'Headers already set!'),
  nonBytes: 'stop',
};

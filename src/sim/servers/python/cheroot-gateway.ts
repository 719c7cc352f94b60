import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import type { StartResponseCall } from '../../wsgi/start-response.ts';
import { isBytesItem } from '../../wsgi/application.ts';
import { fromApplication, HandlerRaise, handlerError, lastLine, splitTraceback, type Raised } from './gateway-raise.ts';
import { raisesInto, type GatewayRules } from '../../wsgi/gateway-rules.ts';

/** What Cheroot's WSGI gateway did with an application's result. */
export interface CherootOutput {
  /** The status and the application's headers when the headers went out (null: they never did). */
  head: { status: string; headers: [string, string][] } | null;
  /** The body writes after them (chunked one by one when there is no Content-Length). */
  parts: Uint8Array[];
  /** respond() returned: the last chunk is written (an exception leaves the body without it). */
  finished: boolean;
  /** `simple_response` instead of the application's answer (the body went past Content-Length before the headers). */
  simple: { status: string; message: string } | null;
  /** Nothing sent before the exception: the connection answers `simple_response('500 …')` (empty body). */
  errorPage: boolean;
  stderr: string[];
  failure: string | null;
}

/** The second exception, raised while handling the first: its traceback tells both (PEP 3134 implicit chaining). */
function chained(first: Raised, second: Raised): Raised {
  const lines = (raised: Raised) =>
    raised.traceback.length > 0 ? raised.traceback : ['Traceback (most recent call last):', lastLine(raised.line)];
  return {
    line: second.line,
    traceback: [
      ...lines(first),
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      ...lines(second),
    ],
  };
}

/** Python's repr() of an exception: `Type('message')` (double quotes when the message holds a single one). */
function exceptionRepr(raised: Raised): string {
  const { type, message } = raised.line;
  const quote = message.includes("'") && !message.includes('"') ? '"' : "'";
  const escaped = message.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return `${type}(${quote}${escaped}${quote})`;
}

/**
 * cheroot.wsgi.Gateway.respond and its start_response/write (Cheroot 9.0.0), with HTTPConnection.communicate's
 * handling of what escapes them (observed with tests/fixtures/lab/): empty items are skipped, an item that is not
 * bytes raises ValueError; a second start_response without exc_info raises RuntimeError, with exc_info once headers
 * are out re-raises; the headers go out with the first write (send_headers: `int(status[:3])`, so a status without
 * a number fails there, with the headers marked sent and nothing written); the finally clause sends the headers
 * and calls close(). The error is logged as its repr() then the traceback; `_conditional_error` answers a bare 500
 * only while no header went out; an exception leaves a chunked body without its last chunk.
 */
export function runCherootGateway(result: WsgiRunResult): CherootOutput {
  const stderr = result.errors.flatMap((text) => splitTraceback(text));
  let started = false;
  let sentHeaders = false;
  // HTTPRequest.status is '' until start_response stores the encoded (bytes) status.
  let status = { text: '', bytes: false };
  const headers: [string, string][] = [];
  let remaining: number | null = null;
  let head: CherootOutput['head'] = null;
  let simple: CherootOutput['simple'] = null;
  const parts: Uint8Array[] = [];

  const ensureHeadersSent = () => {
    if (sentHeaders) return;
    sentHeaders = true;
    const code = status.text.slice(0, 3);
    if (!/^\s*[+-]?\d+\s*$/.test(code))
      throw handlerError('ValueError', `invalid literal for int() with base 10: ${status.bytes ? 'b' : ''}'${code}'`);
    head = { status: status.text, headers: [...headers] };
  };
  const startResponse = (call: Pick<StartResponseCall, 'status' | 'headers' | 'withExcInfo' | 'excInfoException'>) => {
    if (started && !call.withExcInfo)
      throw handlerError('RuntimeError', 'WSGI start_response called a second time with no exc_info.');
    started = true;
    if (sentHeaders)
      throw new HandlerRaise({ line: call.excInfoException ?? { type: 'Exception', message: '' }, traceback: [] });
    status = { text: call.status, bytes: true };
    for (const [name, value] of call.headers) {
      if (name.toLowerCase() === 'content-length') remaining = Number.parseInt(value, 10);
      headers.push([name, value]);
    }
  };
  const write = (chunk: Uint8Array) => {
    if (!started) throw handlerError('RuntimeError', 'WSGI write called before start_response.');
    let data = chunk;
    if (remaining !== null && chunk.length > remaining) {
      if (!sentHeaders) {
        sentHeaders = true;
        simple = {
          status: '500 Internal Server Error',
          message: 'The requested resource returned more bytes than the declared Content-Length.',
        };
      } else data = chunk.subarray(0, remaining);
    }
    ensureHeadersSent();
    if (!simple) parts.push(data);
    if (remaining !== null) {
      remaining -= chunk.length;
      if (remaining < 0) throw handlerError('ValueError', 'Response body exceeds the declared Content-Length.');
    }
  };

  const callsAt = (index: number) => result.calls.filter((call) => call.afterItems === index);
  const respond = (): Raised | null => {
    // `response = app(environ, start_response)` comes before the try/finally: its exception skips the finally.
    try {
      for (const call of callsAt(0)) startResponse(call);
    } catch (error) {
      if (!(error instanceof HandlerRaise)) throw error;
      return error.raised;
    }
    if (result.raised?.where === 'call') return fromApplication(result.raised.exception);
    let raised: Raised | null = null;
    try {
      for (const [index, item] of result.items.entries()) {
        if (index > 0) for (const call of callsAt(index)) startResponse(call);
        if (isBytesItem(item) && item.length === 0) continue;
        if (!isBytesItem(item)) throw handlerError('ValueError', 'WSGI Applications must yield bytes');
        write(item);
      }
      if (result.items.length > 0) for (const call of callsAt(result.items.length)) startResponse(call);
      if (result.raised?.where === 'iterate') raised = fromApplication(result.raised.exception);
    } catch (error) {
      if (!(error instanceof HandlerRaise)) throw error;
      raised = error.raised;
    }
    // The finally clause: the headers, then close(); an exception there replaces the one under way.
    try {
      ensureHeadersSent();
      if (result.raised?.where === 'close') return fromApplication(result.raised.exception);
    } catch (error) {
      if (!(error instanceof HandlerRaise)) throw error;
      // Raised while another exception was under way: Python chains them in the traceback.
      return raised ? chained(raised, error.raised) : error.raised;
    }
    return raised;
  };

  const sentBefore = () => sentHeaders;
  const raised = respond();
  if (!raised) return { head, parts, finished: true, simple, errorPage: false, stderr, failure: null };
  const errorPage = !sentBefore();
  stderr.push(
    exceptionRepr(raised),
    ...(raised.traceback.length > 0 ? raised.traceback : ['Traceback (most recent call last):', lastLine(raised.line)]),
  );
  return { head, parts, finished: false, simple, errorPage, stderr, failure: lastLine(raised.line) };
}

/** cheroot.wsgi.Gateway.start_response (Cheroot 9.0.0, captured: `start_twice`, `str_body`). */
export const CHEROOT_RULES: GatewayRules = {
  startResponseAgain: raisesInto('RuntimeError', 'WSGI start_response called a second time with no exc_info.'),
  nonBytes: 'stop',
};

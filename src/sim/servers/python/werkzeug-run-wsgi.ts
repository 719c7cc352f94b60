import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import type { StartResponseCall } from '../../wsgi/start-response.ts';
import { isBytesItem } from '../../wsgi/application.ts';
import { concatBytes } from '../../bytes.ts';
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

/** What WSGIRequestHandler.run_wsgi sent and logged for an application's result. */
export interface WerkzeugOutput {
  /** The status line's code and message and the headers it sent (null: nothing was sent, the connection closed). */
  head: { code: number; message: string; headers: [string, string][] } | null;
  body: Uint8Array;
  /** stderr lines in order: wsgi.errors, the access line (written by send_response), `Error on request:`. */
  stderr: string[];
  cut: boolean;
  failure: string | null;
}

/** The page InternalServerError answers with (its status, headers and body), from the server's profile. */
export interface WerkzeugErrorPage {
  status: string;
  headers: [string, string][];
  body: Uint8Array;
}

/** `int(code_str)`: Python accepts surrounding whitespace, a sign and digit separators. */
function pythonInt(text: string): number | null {
  return /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(text) ? Number.parseInt(text.replace(/_/g, ''), 10) : null;
}

/**
 * werkzeug.serving.WSGIRequestHandler.run_wsgi (Werkzeug 2.2.2, protocol HTTP/1.0 under run_simple): write() sends
 * the status line (send_response logs the request line then, size `-`) and headers with the first item, then
 * asserts the item is bytes; start_response raises "Headers already set" without exc_info and re-raises exc_info
 * once headers are out; on an exception, the status is rolled back and InternalServerError answers if nothing was
 * sent, else its own start_response fails and is swallowed; `Error on request:` and the traceback are logged.
 */
export function runWerkzeugWsgi(
  result: WsgiRunResult,
  errorPage: WerkzeugErrorPage,
  accessLine: (code: number) => string,
): WerkzeugOutput {
  const stderr = result.errors.flatMap((text) => splitTraceback(text));
  let statusSet: string | null = null;
  let headersSet: [string, string][] | null = null;
  let statusSent: string | null = null;
  let headersSent: [string, string][] | null = null;
  let head: WerkzeugOutput['head'] = null;
  const body: Uint8Array[] = [];

  const write = (data: Uint8Array | null) => {
    if (statusSet === null || headersSet === null)
      throw handlerError('AssertionError', 'write() before start_response');
    if (statusSent === null) {
      statusSent = statusSet;
      headersSent = headersSet;
      const parts = statusSent.trim().split(/\s+/);
      const [codeText, message] =
        parts.length > 1
          ? [
              parts[0] ?? '',
              statusSent
                .trim()
                .slice((parts[0] ?? '').length)
                .trimStart(),
            ]
          : [statusSent, ''];
      const code = pythonInt(codeText);
      if (code === null) throw handlerError('ValueError', `invalid literal for int() with base 10: '${codeText}'`);
      stderr.push(accessLine(code));
      head = { code, message, headers: [...headersSent] };
    }
    if (data === null) throw handlerError('AssertionError', 'applications must write bytes');
    body.push(data);
  };

  const startResponse = (call: Pick<StartResponseCall, 'status' | 'headers' | 'withExcInfo' | 'excInfoException'>) => {
    if (call.withExcInfo) {
      if (headersSent && headersSent.length > 0)
        throw new HandlerRaise({ line: call.excInfoException ?? { type: 'Exception', message: '' }, traceback: [] });
    } else if (headersSet && headersSet.length > 0) throw handlerError('AssertionError', 'Headers already set');
    statusSet = call.status;
    headersSet = [...call.headers];
  };

  const execute = (): Raised | null => {
    try {
      try {
        const callsAt = (index: number) => result.calls.filter((call) => call.afterItems === index);
        for (const call of callsAt(0)) startResponse(call);
        if (result.raised?.where === 'call') return fromApplication(result.raised.exception);
        for (const [index, item] of result.items.entries()) {
          if (index > 0) for (const call of callsAt(index)) startResponse(call);
          write(isBytesItem(item) ? item : null);
        }
        if (result.items.length > 0) for (const call of callsAt(result.items.length)) startResponse(call);
        if (result.raised?.where === 'iterate') return fromApplication(result.raised.exception);
        if (!headersSent || headersSent.length === 0) write(new Uint8Array(0));
      } finally {
        // execute's finally clause: close() runs whatever happened, and its exception wins.
        if (result.raised?.where === 'close') {
          throw new HandlerRaise(fromApplication(result.raised.exception));
        }
      }
      return null;
    } catch (error) {
      if (error instanceof HandlerRaise) return error.raised;
      throw error;
    }
  };

  const raised = execute();
  if (!raised) return { head, body: concatBytes(body), stderr, cut: false, failure: null };
  const sentBefore = statusSent !== null;
  if (!sentBefore) {
    statusSet = null;
    headersSet = null;
  }
  // execute(InternalServerError()): its start_response raises "Headers already set" once headers are set (swallowed).
  try {
    startResponse({ status: errorPage.status, headers: errorPage.headers, withExcInfo: false });
    write(errorPage.body);
  } catch (error) {
    if (!(error instanceof HandlerRaise)) throw error;
  }
  stderr.push('Error on request:', ...tracebackLines(raised));
  return {
    head,
    body: concatBytes(body),
    stderr,
    cut: sentBefore && result.raised?.where !== 'close',
    failure: lastLine(raised.line),
  };
}

/** run_wsgi's start_response (Werkzeug 2.2.2, captured: `start_twice`, `str_body`). */
export const WERKZEUG_RULES: GatewayRules = {
  startResponseAgain: raisesInto('AssertionError', 'Headers already set'),
  nonBytes: 'stop',
};

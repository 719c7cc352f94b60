import type { LogLine } from '../../trace.ts';
import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import { isBytesItem } from '../../wsgi/application.ts';
import { logLine } from '../../faults/fault-hops.ts';
import { concatBytes } from '../../bytes.ts';
import { HandlerRaise, handlerError, lastLine, splitTraceback, tracebackLines } from '../python/gateway-raise.ts';
import { gunicornErrorPage, gunicornResponse } from './gunicorn-response.ts';
import { raisesInto, type GatewayRules } from '../../wsgi/gateway-rules.ts';
import { replayResult, type ReplayedCall } from '../python/replay-result.ts';

/** What Gunicorn's sync worker wrote and logged for an application's result. */
export interface GunicornHandled {
  raw: Uint8Array;
  log: LogLine[];
  /** It gave up after the headers went out: the socket is shut down where the answer stands. */
  cut: boolean;
  failure: string | null;
  /** It answered its 500 page instead (nothing had gone out). */
  errorPage: boolean;
}

const LOG = 'stderr';
const plain = (text: string): LogLine => logLine('gunicorn', LOG, text);
const error = (message: string): LogLine =>
  logLine('gunicorn', LOG, `[2024-01-01 00:00:00 +0000] [1000] [ERROR] ${message}`);

/**
 * Gunicorn 20.1.0's sync worker, handle_request (workers/sync.py) with http/wsgi.py's Response (observed with
 * tests/fixtures/lab/): start_response raises "Response headers already set!" without exc_info and re-raises
 * exc_info once the headers are out; write() sends the headers first (even with no status: `None`) and then refuses
 * an item that is not bytes (`TypeError: '…' is not a byte`); close() in the finally clause. With the headers out,
 * an exception is logged as "Error handling request" and the socket shut down; before, handle_error logs "Error
 * handling request <uri>" and answers its 500 page. What the code writes to wsgi.errors goes to the error log.
 */
export function gunicornHandle(
  result: WsgiRunResult,
  request: { method: string; version: string; closes: boolean },
  uri: string,
): GunicornHandled {
  const log = result.errors.flatMap((text) => splitTraceback(text)).map(plain);
  let status: string | null = null;
  let headers: [string, string][] = [];
  let headersSent = false;
  const parts: Uint8Array[] = [];

  const startResponse = (call: ReplayedCall) => {
    if (call.withExcInfo) {
      if (status && headersSent)
        throw new HandlerRaise({ line: call.excInfoException ?? { type: 'Exception', message: '' }, traceback: [] });
    } else if (status !== null) throw handlerError('AssertionError', 'Response headers already set!');
    status = call.status;
    headers = [...call.headers];
  };
  const write = (item: WsgiRunResult['items'][number]) => {
    headersSent = true;
    if (!isBytesItem(item)) throw handlerError('TypeError', `${item.repr} is not a byte`);
    parts.push(item);
  };
  // close() in the finally clause: its exception replaces the one under way.
  const raised = replayResult(result, {
    startResponse,
    item: write,
    finished: () => {
      headersSent = true;
    },
    closeInFinally: true,
  });
  const sent = (): Uint8Array => {
    const body = concatBytes(parts);
    const answer = {
      ...result,
      status: status ?? 'None',
      headers,
      body,
      chunks: parts,
      error: null,
    };
    return gunicornResponse(answer, request).raw;
  };
  if (!raised) return { raw: sent(), log, cut: false, failure: null, errorPage: false };
  if (headersSent)
    return {
      raw: sent(),
      log: [...log, error('Error handling request'), ...tracebackLines(raised).map(plain)],
      cut: result.raised?.where !== 'close',
      failure: lastLine(raised.line),
      errorPage: false,
    };
  return {
    raw: gunicornErrorPage(500, 'Internal Server Error', ''),
    log: [...log, error(`Error handling request ${uri}`), ...tracebackLines(raised).map(plain)],
    cut: false,
    failure: lastLine(raised.line),
    errorPage: true,
  };
}

/** gunicorn/http/wsgi.py Response.start_response (20.1.0, captured: `start_twice`, `str_body`). */
export const GUNICORN_RULES: GatewayRules = {
  startResponseAgain: raisesInto('AssertionError', 'Response headers already set!'),
  nonBytes: 'stop',
};

import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import { isBytesItem } from '../../wsgi/application.ts';
import { HandlerRaise, lastLine, splitTraceback, tracebackLines } from '../python/gateway-raise.ts';
import type { GatewayRules } from '../../wsgi/gateway-rules.ts';
import { replayResult, type ReplayedCall } from '../python/replay-result.ts';

/** What mod_wsgi's Adapter did with an application's result. */
export interface ModWsgiOutput {
  /** The status and headers that went to Apache with the first non-empty item (null: none went). */
  head: { status: string; headers: [string, string][] } | null;
  /** The items written after them, each flushed on its own. */
  parts: Uint8Array[];
  /** The lines mod_wsgi logs: wsgi.errors, then each exception as `Exception occurred …` and its traceback. */
  log: string[];
  /** An exception once the headers were out: the response stops where it is. */
  cut: boolean;
  failure: string | null;
}

/** An exception mod_wsgi raises in C: no Python frame, so it logs the exception line alone. */
const raisedInC = (type: string, message: string): HandlerRaise =>
  new HandlerRaise({ line: { type, message }, traceback: [`${type}: ${message}`] });

/**
 * mod_wsgi 4.9.4's Adapter (observed under Apache 2.4.71 with tests/fixtures/lab/, FINDINGS.md "Odd application
 * results"): a second start_response without exc_info replaces the first; the status must start with three digits
 * and a space (ValueError raised into the application); each item must be bytes (TypeError); the headers go out
 * with the first non-empty item; without start_response, `RuntimeError: response has not been started`; an
 * exception before the headers gives Apache's 500 page, after them the response stops.
 */
export function runModWsgiAdapter(result: WsgiRunResult, exceptionHeader: string): ModWsgiOutput {
  const log = result.errors.flatMap((text) => splitTraceback(text));
  let status: string | null = null;
  let headers: [string, string][] = [];
  let head: ModWsgiOutput['head'] = null;
  const parts: Uint8Array[] = [];

  const startResponse = (call: ReplayedCall) => {
    if (call.withExcInfo && head)
      throw new HandlerRaise({ line: call.excInfoException ?? { type: 'Exception', message: '' }, traceback: [] });
    // Raised inside start_response, called from the application: the traceback has the application's frames.
    if (!/^\d{3}/.test(call.status))
      throw new HandlerRaise({
        line: { type: 'ValueError', message: 'status code is not a 3 digit integer' },
        traceback: [],
      });
    if (call.status[3] !== ' ')
      throw new HandlerRaise({
        line: { type: 'ValueError', message: 'no space following status code' },
        traceback: [],
      });
    status = call.status;
    headers = [...call.headers];
  };

  const write = (data: Uint8Array) => {
    if (status === null) throw raisedInC('RuntimeError', 'response has not been started');
    if (data.length === 0) return;
    head ??= { status, headers };
    parts.push(data);
  };

  const raised = replayResult(result, {
    startResponse,
    item: (item) => {
      if (!isBytesItem(item))
        throw raisedInC('TypeError', `sequence of byte string values expected, value of type ${item.type} found`);
      write(item);
    },
    finished: () => {
      if (status === null) throw raisedInC('RuntimeError', 'response has not been started');
      head ??= { status, headers };
    },
  });
  if (!raised) return { head, parts, log, cut: false, failure: null };
  log.push(exceptionHeader, ...tracebackLines(raised));
  return {
    head,
    parts,
    log,
    cut: head !== null && result.raised?.where !== 'close',
    failure: lastLine(raised.line),
  };
}

/** mod_wsgi (embedded and daemon) lets a second start_response replace the first (captured: `start_twice`). */
export const MOD_WSGI_RULES: GatewayRules = { startResponseAgain: 'replace', nonBytes: 'stop' };

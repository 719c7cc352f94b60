import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import type { StartResponseCall } from '../../wsgi/start-response.ts';
import { fromApplication, HandlerRaise, type Raised } from './gateway-raise.ts';

/** A start_response call as a gateway model meets it. */
export type ReplayedCall = Pick<StartResponseCall, 'status' | 'headers' | 'withExcInfo' | 'excInfoException'>;

/** What one gateway does at each step of the loop every WSGI gateway runs; each step may throw `HandlerRaise`. */
export interface GatewayLoop {
  /** Its start_response, at the place the application called it (before the first item, between items, after). */
  startResponse(call: ReplayedCall): void;
  /** What it does with each item the iterable yields (write it, refuse it, skip it). */
  item(item: WsgiRunResult['items'][number]): void;
  /** What it does once the iterable is exhausted without an exception (send the headers of an empty body, …). */
  finished?(): void;
  /** Whether it calls close() on this result at all (mod_python skips a list's or a tuple's). Default: it does. */
  closes?: boolean;
  /**
   * close() in a `finally` clause (Gunicorn, flup): its exception replaces one under way from the iteration. Without
   * it, close() is reached only when the iteration went through (mod_wsgi, mod_python, BaseHandler's loop).
   */
  closeInFinally?: boolean;
}

/**
 * Replays an application's result through a gateway's loop as Python runs it: `result = application(environ,
 * start_response)` (PEP 3333 §"Specification Details"), the items one by one with the start_response calls the
 * application made at their places, then close(). Returns the exception that ended the loop, or null. An exception
 * from the call or from a start_response before the first item ends it there: close() is not reached.
 */
export function replayResult(result: WsgiRunResult, gateway: GatewayLoop): Raised | null {
  const callsAt = (index: number) => result.calls.filter((call) => call.afterItems === index);
  const caught = (thrown: unknown): Raised => {
    if (thrown instanceof HandlerRaise) return thrown.raised;
    throw thrown;
  };
  try {
    for (const call of callsAt(0)) gateway.startResponse(call);
    if (result.raised?.where === 'call') return fromApplication(result.raised.exception);
  } catch (thrown) {
    return caught(thrown);
  }
  let raised: Raised | null = null;
  try {
    for (const [index, item] of result.items.entries()) {
      if (index > 0) for (const call of callsAt(index)) gateway.startResponse(call);
      gateway.item(item);
    }
    if (result.items.length > 0) for (const call of callsAt(result.items.length)) gateway.startResponse(call);
    if (result.raised?.where === 'iterate') raised = fromApplication(result.raised.exception);
    else gateway.finished?.();
  } catch (thrown) {
    raised = caught(thrown);
  }
  const closing =
    (gateway.closes ?? true) && result.raised?.where === 'close' ? fromApplication(result.raised.exception) : null;
  return gateway.closeInFinally ? (closing ?? raised) : (raised ?? closing);
}

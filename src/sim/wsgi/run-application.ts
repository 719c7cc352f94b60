import type {
  WsgiApplication,
  WsgiException,
  WsgiInvocation,
  WsgiItem,
  WsgiIterable,
  WsgiStartResponse,
} from './application.ts';
import { isBytesItem } from './application.ts';
import type { Environ } from './environ.ts';
import { createStartResponse, type StartResponseCall } from './start-response.ts';
import { WsgiRaised } from './wsgi-raised.ts';
import { concatBytes } from '../bytes.ts';
import { msg, type Message } from '../message.ts';
import type { GatewayRules } from './gateway-rules.ts';

/** Where an application's exception left it: the call, next() on its iterable, or close(). */
export interface WsgiRaisedAt {
  where: 'call' | 'iterate' | 'close';
  /** How many items had been yielded before it (0 for `call`). */
  afterItems: number;
  exception: WsgiException;
}

/** The outcome of calling a WSGI application as a server does. */
export interface WsgiRunResult {
  status: string;
  headers: [string, string][];
  body: Uint8Array;
  /** The iterable's bytes items, before the server joined them (items that are not bytes are left out). */
  chunks: Uint8Array[];
  /** Whether the iterable has a len() (see `WsgiIterable.sized`). */
  sized: boolean;
  /** Call order: application/middleware entry and exit, iteration, close(). */
  log: string[];
  /** A PEP 3333 violation, if any (the server would answer 500). */
  error: Message | null;
  /** Every item the iterable yielded, bytes or not, in order (a gateway decides what a non-bytes item does). */
  items: WsgiItem[];
  /** Every start_response call, in order, with how far the iteration was. */
  calls: StartResponseCall[];
  /** The exception the application raised, and where (absent when it returned, iterated and closed cleanly). */
  raised: WsgiRaisedAt | null;
  /** `type(result).__name__` (`list` unless the application said otherwise; empty when the call raised). */
  returnedType: string;
  /** Whether the returned iterable has close(). */
  hasClose: boolean;
  /** What the application wrote to `wsgi.errors`, each write in order. */
  errors: string[];
}

/** Calls the application, turning a `WsgiRaised` into the exception it stands for. */
function callCatching(
  app: WsgiApplication,
  invocation: WsgiInvocation,
  startResponse: WsgiStartResponse,
): WsgiIterable | WsgiRaised {
  try {
    return app.call(invocation, startResponse);
  } catch (error) {
    if (error instanceof WsgiRaised) return error;
    throw error;
  }
}

/** Calls `app(environ, start_response)`, iterates the result and calls close() if present (PEP 3333). */
export function runApplication(
  app: WsgiApplication,
  environ: Environ,
  input: Uint8Array,
  gateway?: GatewayRules,
): WsgiRunResult {
  const invocation: WsgiInvocation = { environ, input, log: [], errors: [], ...(gateway ? { gateway } : {}) };
  const startResponse = createStartResponse();
  invocation.log.push(`server calls ${app.name}(environ, start_response)`);
  const returned = callCatching(app, invocation, (status, headers, excInfo) => startResponse(status, headers, excInfo));
  const raisedByCall = returned instanceof WsgiRaised ? returned.exception : null;
  const iterable: WsgiIterable = returned instanceof WsgiRaised ? { items: [], hasClose: false } : returned;
  if (!raisedByCall) {
    invocation.log.push(
      `server iterates the response (${iterable.items.length} item${iterable.items.length === 1 ? '' : 's'})`,
    );
  }
  for (const late of iterable.lateStartResponse ?? []) {
    startResponse(late.status, late.headers, late.excInfoException ?? late.excInfo, late.afterItems);
  }
  // PEP 3333: "If the iterable returned by the application has a close() method, the server or gateway must call that method".
  if (iterable.hasClose) invocation.log.push('server calls close() on the response iterable');
  const raised: WsgiRaisedAt | null = raisedByCall
    ? { where: 'call', afterItems: 0, exception: raisedByCall }
    : iterable.raises
      ? { where: 'iterate', afterItems: iterable.items.length, exception: iterable.raises }
      : iterable.closeRaises && iterable.hasClose
        ? { where: 'close', afterItems: iterable.items.length, exception: iterable.closeRaises }
        : null;
  const last = startResponse.calls[startResponse.calls.length - 1];
  const error = startResponse.error ?? (last || raised ? null : msg('wsgi.noStartResponse'));
  const chunks = iterable.items.filter(isBytesItem);
  return {
    status: last?.status ?? '500 Internal Server Error',
    headers: last?.headers ?? [],
    body: concatBytes(chunks),
    chunks,
    sized: iterable.sized ?? true,
    log: invocation.log,
    error,
    items: iterable.items,
    calls: startResponse.calls,
    raised,
    returnedType: iterable.type ?? (raisedByCall ? '' : 'list'),
    hasClose: iterable.hasClose,
    errors: invocation.errors,
  };
}

/**
 * Reads the request body the way a careful application does: CONTENT_LENGTH bytes when it is a number (PEP 3333:
 * never more), everything when the server marks wsgi.input_terminated, else nothing.
 */
export function readInput(environ: Environ, input: Uint8Array): Uint8Array {
  const text = environ.str('CONTENT_LENGTH');
  if (/^\d+$/.test(text)) return input.subarray(0, Math.min(Number(text), input.length));
  const terminated = environ.get('wsgi.input_terminated');
  return terminated?.kind === 'bool' && terminated.value ? input : input.subarray(0, 0);
}

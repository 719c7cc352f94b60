import type { WsgiApplication, WsgiInvocation } from './application.ts';
import type { Environ } from './environ.ts';
import { createStartResponse } from './start-response.ts';
import { concatBytes } from '../bytes.ts';
import { msg, type Message } from '../message.ts';

/** The outcome of calling a WSGI application as a server does. */
export interface WsgiRunResult {
  status: string;
  headers: [string, string][];
  body: Uint8Array;
  /** The iterable's items, before the server joined them. */
  chunks: Uint8Array[];
  /** Whether the iterable has a len() (see `WsgiIterable.sized`). */
  sized: boolean;
  /** Call order: application/middleware entry and exit, iteration, close(). */
  log: string[];
  /** A PEP 3333 violation, if any (the server would answer 500). */
  error: Message | null;
}

/** Calls `app(environ, start_response)`, iterates the result and calls close() if present (PEP 3333). */
export function runApplication(app: WsgiApplication, environ: Environ, input: Uint8Array): WsgiRunResult {
  const invocation: WsgiInvocation = { environ, input, log: [] };
  const startResponse = createStartResponse();
  invocation.log.push(`server calls ${app.name}(environ, start_response)`);
  const iterable = app.call(invocation, startResponse);
  invocation.log.push(
    `server iterates the response (${iterable.items.length} item${iterable.items.length === 1 ? '' : 's'})`,
  );
  // PEP 3333: "If the iterable returned by the application has a close() method, the server or gateway must call that method".
  if (iterable.hasClose) invocation.log.push('server calls close() on the response iterable');
  const last = startResponse.calls[startResponse.calls.length - 1];
  const error = startResponse.error ?? (last ? null : msg('wsgi.noStartResponse'));
  return {
    status: last?.status ?? '500 Internal Server Error',
    headers: last?.headers ?? [],
    body: concatBytes(iterable.items),
    chunks: iterable.items,
    sized: iterable.sized ?? true,
    log: invocation.log,
    error,
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

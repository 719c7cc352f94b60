/**
 * ASGI as the simulator models it: the HTTP connection scope and the events of one request–response cycle.
 * ASGI specification, "HTTP & WebSocket ASGI Message Format", version 2.3 (asgi.readthedocs.io/en/latest/specs/www.html).
 */
import type { Pair } from '../trace.ts';

/**
 * One event as a trace shows it, with the keys in the order they were sent. Byte strings (`body`, header names and
 * values) are latin-1 text, one character per byte.
 * - `http.request` (receive): "body (bytes) … more_body (bool) – Signifies if there is additional content to come".
 * - `http.response.start` (send): "status (int) – HTTP status code", "headers (Iterable[[byte string, byte string]])".
 * - `http.response.body` (send): "body (bytes)", "more_body (bool)".
 * - `http.disconnect` (receive): the connection closed or the response was sent.
 */
export interface AsgiEvent {
  type: 'http.request' | 'http.response.start' | 'http.response.body' | 'http.disconnect';
  status?: number;
  headers?: Pair[];
  body?: string;
  more_body?: boolean;
}

/** The scope as the application receives it: each key with its value as Python's repr() shows it. */
export type AsgiScope = Pair[];

/**
 * An ASGI application as the simulator runs it: given the scope and the events it receives, the events it sends.
 * (The real interface is `async def app(scope, receive, send)`: "a single, asynchronous callable".)
 */
export interface AsgiApplication {
  /** The callable's name as a trace shows it, e.g. `dump_asgi:application`. */
  name: string;
  respond(scope: AsgiScopeFields, received: readonly AsgiEvent[]): AsgiEvent[];
}

/** The scope values an application decides on, unrepresented. */
export interface AsgiScopeFields {
  method: string;
  /** "path (Unicode string) – HTTP request target excluding any query string, with percent-encoded sequences and UTF-8 byte sequences decoded into characters." */
  path: string;
  /** "root_path (Unicode string) – The root path this application is mounted at." */
  rootPath: string;
}

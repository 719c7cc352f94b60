import type { Provenance } from '../trace.ts';
import type { Environ } from './environ.ts';
import type { GatewayRules } from './gateway-rules.ts';

/**
 * A body item that is not bytes (PEP 3333 §"Unicode Issues": the body is bytes; a `str` item is an error the
 * gateway meets while iterating), by `type(item).__name__` and `repr(item)`.
 */
export interface WsgiOtherItem {
  type: string;
  repr: string;
}

/** One item the iterable yields: bytes (the only valid kind), or anything else. */
export type WsgiItem = Uint8Array | WsgiOtherItem;

/** A Python exception the application raised, as `traceback.format_exception` shows it. */
export interface WsgiException {
  /** `type(e).__name__`, e.g. `ValueError`. */
  type: string;
  /** `str(e)`. */
  message: string;
  /** The whole traceback text, ending with `Type: message`. */
  traceback: string;
}

/** A `start_response` call made while the gateway iterates (a generator that calls it lazily, or late). */
export interface WsgiLateStartResponse {
  /** How many items the iterable had yielded before the call (0: inside the first next()). */
  afterItems: number;
  status: string;
  headers: [string, string][];
  /** Whether exc_info was passed (PEP 3333 §"Error Handling"). */
  excInfo: boolean;
  /** The exception exc_info carries: what a gateway re-raises when the headers are already out. */
  excInfoException?: WsgiExceptionLine;
}

/** An exception's type and message (the last line of its traceback). */
export interface WsgiExceptionLine {
  type: string;
  message: string;
}

/**
 * What a WSGI application returns: the iterable's items, and whether it has a close() method. The optional fields
 * say what an odd application (the lab's, the fault fixtures') does besides; an application that leaves them out
 * yields its items and closes cleanly.
 */
export interface WsgiIterable {
  /** Every item next() returned, in order (stops before `raises`). */
  items: WsgiItem[];
  hasClose: boolean;
  /**
   * False when the iterable has no len() (a generator, a framework's response object): wsgiref's BaseHandler then
   * cannot count its blocks and adds no Content-Length. A list, the default, has one.
   */
  sized?: boolean;
  /** `type(result).__name__` (`list` by default; `str`, `generator`, `bytes`…). */
  type?: string;
  /** The exception next() raised after `items` were yielded. */
  raises?: WsgiException;
  /** The exception close() raised (only with `hasClose`). */
  closeRaises?: WsgiException;
  /** `start_response` calls made during iteration, in order. */
  lateStartResponse?: WsgiLateStartResponse[];
}

/** The request as the application sees it: environ plus the bytes wsgi.input will yield. */
export interface WsgiInvocation {
  environ: Environ;
  input: Uint8Array;
  /** A log the server, middleware and application append to, so call order in and out is visible. */
  log: string[];
  /** What the application writes to `wsgi.errors` (the gateway decides where it goes). */
  errors: string[];
  /** The calling gateway's start_response rules, where its model gives them (what the lab hands its harness). */
  gateway?: GatewayRules;
}

/**
 * `start_response(status, response_headers, exc_info=None)`: `excInfo` says whether exc_info was passed, or which
 * exception it carries.
 */
export type WsgiStartResponse = (
  status: string,
  headers: [string, string][],
  excInfo?: boolean | WsgiExceptionLine,
) => void;

/**
 * A WSGI callable: `app(environ, start_response)` (PEP 3333). An application whose call raises throws a
 * `WsgiRaised` (see `wsgi-raised.ts`): the exception leaves the call the way it leaves Python's.
 */
export interface WsgiApplication {
  /** Python-style name shown in traces, e.g. `flaskr:app`. */
  name: string;
  /** Where the application's own behaviour comes from, when it models a real framework (else the server's). */
  provenance?: Provenance;
  call(invocation: WsgiInvocation, startResponse: WsgiStartResponse): WsgiIterable;
}

/** Middleware: a factory that wraps an application and returns a new one (`app = Middleware(app)`). */
export type WsgiMiddleware = (inner: WsgiApplication) => WsgiApplication;

/** Whether an item is bytes (the only kind PEP 3333 allows). */
export function isBytesItem(item: WsgiItem): item is Uint8Array {
  return item instanceof Uint8Array;
}

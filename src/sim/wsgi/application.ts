import type { Provenance } from '../trace.ts';
import type { Environ } from './environ.ts';

/** What a WSGI application returns: the iterable's items, and whether it has a close() method. */
export interface WsgiIterable {
  items: Uint8Array[];
  hasClose: boolean;
  /**
   * False when the iterable has no len() (a generator, a framework's response object): wsgiref's BaseHandler then
   * cannot count its blocks and adds no Content-Length. A list, the default, has one.
   */
  sized?: boolean;
  /**
   * Appended for the lab: what real Python code did, beyond the bytes in `items` (which holds only the bytes items,
   * in order). A gateway profile that models one of these behaviours reads it; the others see `items` alone.
   */
  replay?: WsgiReplay;
}

/** (The lab) One item the gateway got by iterating the result: bytes, or another object by type name and repr(). */
export type WsgiItem = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'other'; type: string; repr: string };

/** (The lab) One start_response call as the code made it across the gateway's boundary. */
export interface WsgiReplayCall {
  status: string;
  headers: [string, string][];
  /** Items of the headers argument that were not a (str, str) tuple, by repr(). */
  invalid: string[];
  /** Whether exc_info was passed (PEP 3333 §"The start_response() Callable"). */
  excInfo: boolean;
  /** How many items the gateway had got before the call (a generator calls it while being iterated). */
  afterItems: number;
}

/** (The lab) An exception the code let out, and where the gateway met it. */
export interface WsgiRaised {
  /** `call`: calling the application (before it returned); `iterate`: after `items`; `close`: in close(). */
  where: 'call' | 'iterate' | 'close';
  type: string;
  message: string;
  /** The whole traceback, with the reader's file names and lines. */
  traceback: string;
}

/** (The lab) The recorded run of real Python code at the gateway's boundary (`LabBoundary` 0 of the harness). */
export interface WsgiReplay {
  /** Every start_response call in order (also those the gateway's rules refused). */
  calls: WsgiReplayCall[];
  /** Every item the gateway got, in order, bytes or not (stops where an exception was raised). */
  items: WsgiItem[];
  /** `type(result).__name__`: `list`, `generator`, `str`… (empty when the call raised). */
  returnedType: string;
  raised?: WsgiRaised;
  /** What the code wrote to wsgi.errors (and stderr). */
  errors: string;
}

/** The request as the application sees it: environ plus the bytes wsgi.input will yield. */
export interface WsgiInvocation {
  environ: Environ;
  input: Uint8Array;
  /** A log the server, middleware and application append to, so call order in and out is visible. */
  log: string[];
}

/** A WSGI callable: `app(environ, start_response)` (PEP 3333). */
export interface WsgiApplication {
  /** Python-style name shown in traces, e.g. `flaskr:app`. */
  name: string;
  /** Where the application's own behaviour comes from, when it models a real framework (else the server's). */
  provenance?: Provenance;
  call(
    invocation: WsgiInvocation,
    startResponse: (status: string, headers: [string, string][], withExcInfo?: boolean) => void,
  ): WsgiIterable;
}

/** Middleware: a factory that wraps an application and returns a new one (`app = Middleware(app)`). */
export type WsgiMiddleware = (inner: WsgiApplication) => WsgiApplication;

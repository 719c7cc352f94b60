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
  call(invocation: WsgiInvocation, startResponse: (status: string, headers: [string, string][]) => void): WsgiIterable;
}

/** Middleware: a factory that wraps an application and returns a new one (`app = Middleware(app)`). */
export type WsgiMiddleware = (inner: WsgiApplication) => WsgiApplication;

import type { HttpRequest } from '../http/types.ts';
import { splitTarget, targetSyntaxFor, type RequestTarget, type TargetSyntax } from '../http/target.ts';
import { findHeader } from '../http/header-lookup.ts';

/** A parsed request together with the pieces every server derives from it. */
export interface RequestContext {
  raw: Uint8Array;
  request: HttpRequest;
  target: RequestTarget;
  /** The Host header value, or null. */
  host: string | null;
  /** Request method is HEAD: the body never reaches the client. */
  isHead: boolean;
  /** The client asked to close the connection (or spoke HTTP/1.0 without keep-alive). */
  closes: boolean;
  /**
   * The server answered `100 Continue` before its answer (set once the route is known, see the profile's
   * `sendsContinue`); absent while nothing read the body (a request refused before any handler).
   */
  continued?: boolean;
}

/** Derives the context from a parsed request; `syntax` is the server's (its parse options' `targetSyntax`). */
export function createRequestContext(raw: Uint8Array, request: HttpRequest, syntax?: TargetSyntax): RequestContext {
  const connection = (findHeader(request.headers, 'connection')?.value ?? '').toLowerCase();
  const closes = request.version === 'HTTP/1.0' ? !connection.includes('keep-alive') : connection.includes('close');
  return {
    raw,
    request,
    target: splitTarget(request.target, targetSyntaxFor(request.method, syntax)),
    host: findHeader(request.headers, 'host')?.value ?? null,
    isHead: request.method === 'HEAD',
    closes,
  };
}

/** Splits `host[:port]` into its parts (an IPv6 literal keeps its brackets). */
export function splitHostPort(host: string): { name: string; port: string | null } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(host);
  if (!match) return { name: host, port: null };
  return { name: match[1] ?? '', port: match[2] ?? null };
}

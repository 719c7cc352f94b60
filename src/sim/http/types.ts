/** Shapes shared by the HTTP parser and serialiser. */

import type { Message } from '../message.ts';
import type { LimitKind } from './request-limits.ts';

/** One header field as received: name in its original case, value with surrounding whitespace removed. */
export interface HeaderField {
  name: string;
  value: string;
  /** Byte offset of the field line in the request. */
  offset: number;
}

/** Why a request could not be parsed, with the byte offset that caused it. */
export interface HttpParseError {
  /** Stable machine-readable reason (see `HTTP_ERROR_CODES`). */
  code: HttpErrorCode;
  message: Message;
  offset: number;
  /** The status a typical server answers with; each server profile may map it differently. */
  status: number;
  /** When the request crossed one of the server's limits: which, and its size (bytes, or field lines). */
  limit?: { kind: LimitKind; size: number };
  /** The request as far as it was read, when the failure came after the head (a body over the limit). */
  head?: HttpRequest;
  /** Text of the request a server quotes in its answer (Python's http.server quotes the request line). */
  quoted?: string;
  /** The request's method, when the request line was read before the failure (a HEAD gets no body back). */
  method?: string;
  /** The request's version, when the request line was read before the failure (lighttpd answers a 1.0 in 1.0). */
  version?: string;
  /** The request's target, when the whole request line was read before the failure (a failure in the header section). */
  target?: string;
  /**
   * The request line's second whitespace-separated word, once the line was read, whatever then failed: Apache's
   * ap_parse_request_line parses the URI (and so learns an absolute-form target's host) before it checks the
   * separators, the version or the header section, and its error page names that host.
   */
  lineTarget?: string;
  /** The field lines read before the failure (all of them when it came after the header section). */
  fields?: HeaderField[];
}

/** Something unusual the parser accepted because the options allowed it. */
export interface HttpTolerance {
  code: HttpErrorCode;
  message: Message;
  offset: number;
}

/** How the request body was framed on the wire. */
export type BodyFraming = 'none' | 'content-length' | 'chunked';

/** A parsed HTTP/1.x request. */
export interface HttpRequest {
  method: string;
  /** The request-target exactly as sent (origin-form, absolute-form, authority-form or `*`). */
  target: string;
  /** `HTTP/1.0` or `HTTP/1.1` (other versions are kept as sent; `HTTP/0.9` for a request line without one). */
  version: string;
  headers: HeaderField[];
  /** The body after removing the transfer coding. */
  body: Uint8Array;
  framing: BodyFraming;
  trailers: HeaderField[];
  /** Offset of the first body byte. */
  bodyOffset: number;
  /** Number of bytes this request occupied. */
  length: number;
  /** Deviations the parser tolerated. */
  tolerated: HttpTolerance[];
  /** For a chunked body: where each data chunk ends and where the last-chunk line ends (before trailers). */
  chunks?: { sizes: number[]; ends: number[]; lastChunkEnd: number };
  /** A malformed chunked body the parser left for whoever reads the body (`chunkErrors: 'defer'`); `body` is empty. */
  bodyError?: { message: Message; offset: number };
  /**
   * A chunked body over the server's body limit, which only a reader of the body counts (`chunkedBodyLimit:
   * 'reader'`): `body` holds it whole, for a handler that discards it unread.
   */
  bodyOverLimit?: { size: number; offset: number };
  /**
   * The server found the end of the header section only when the client, tired of waiting, closed the connection
   * (an HTTP/0.9 GET to a server that reads headers after it anyway): it carries on, but its answer reaches no one.
   */
  clientGone?: true;
}

/** The parse outcome: never throws. */
export type HttpParseResult = { ok: true; request: HttpRequest } | { ok: false; error: HttpParseError };

/** An HTTP response to serialise. */
export interface HttpResponse {
  version: string;
  status: number;
  reason: string;
  headers: [string, string][];
  body: Uint8Array;
  /**
   * The status line as sent, where a server writes it otherwise than `version status reason` (Cheroot sends a WSGI
   * status of `200` as `HTTP/1.1 200`, without the space before an empty reason).
   */
  statusLine?: string;
}

/** Machine-readable parse error codes. */
export const HTTP_ERROR_CODES = [
  'incomplete',
  'bad-request-line',
  'bad-method',
  'bad-version',
  'unsupported-version',
  'version-mismatch',
  'empty-request-line',
  'http09-method',
  'waits-for-head',
  'http09',
  'uri-too-long',
  'bare-lf',
  'bare-cr',
  'obs-fold',
  'missing-colon',
  'bad-header-name',
  'space-before-colon',
  'bad-header-value',
  'headers-too-large',
  'too-many-fields',
  'body-too-large',
  'missing-host',
  'duplicate-host',
  'invalid-content-length',
  'duplicate-content-length',
  'conflicting-length',
  'unsupported-transfer-coding',
  'bad-chunk',
  'incomplete-body',
  'absolute-form',
  'fragment',
  'non-ascii-target',
  'bad-path',
  'request-line-words',
  'transfer-encoding-http10',
  'target-form',
  'method-not-allowed',
  'unsupported-expectation',
] as const;

/** One of `HTTP_ERROR_CODES`. */
export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];

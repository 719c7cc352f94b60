import type { HttpResponse } from '../http/types.ts';
import type { LogLine, Message } from '../trace.ts';
import type { RequestContext } from './request-context.ts';

/**
 * What went wrong on the connection to the next hop, as the web server sees it: nothing listens (`refused`), no
 * answer within its read timeout (`timeout`), the connection closed before a header section (`closed`), or a
 * header line it cannot parse (`invalid-header`, the line as received).
 */
export type UpstreamFailure =
  { kind: 'refused' } | { kind: 'timeout' } | { kind: 'closed' } | { kind: 'invalid-header'; line: string };

/** Where the server was talking to: the protocol's scheme and, for HTTP, the URI it sent. */
export interface UpstreamAddress {
  scheme: 'fastcgi' | 'uwsgi' | 'http';
  /** The request-target sent upstream (proxy_pass); empty for FastCGI and uwsgi. */
  uri: string;
}

/** The server's reaction: what failed (for the hop), its answer to the client and its error-log lines. */
export interface UpstreamFailureAnswer {
  failed: Message;
  response: HttpResponse;
  log: LogLine[];
}

/** How a web server reacts when its upstream fails (an injected fault). */
export interface UpstreamFailures {
  fail(
    failure: UpstreamFailure,
    context: RequestContext,
    upstream: UpstreamAddress,
    node: string,
  ): UpstreamFailureAnswer;
  /**
   * Whether it passes on a header line that nginx's parser stops at (a space in the name), where the server
   * splits at the colon and keeps the rest (lighttpd); absent: it fails on it.
   */
  acceptsHeaderLine?(line: string): boolean;
  /**
   * Its answer while it keeps a backend out of service after a refused connection (no connect() is tried, nothing
   * is logged); absent where it tries again every time.
   */
  disabled?(context: RequestContext, node: string): UpstreamFailureAnswer;
  /**
   * The lines it logs for text a FastCGI application wrote to its STDERR stream, one per line of the text;
   * `afterHeader` when it came after the response's header block (nginx is reading the body by then).
   */
  stderr(text: string, context: RequestContext, upstream: UpstreamAddress, afterHeader?: boolean): LogLine[];
  /**
   * The lines it logs when the upstream closes before the body its Content-Length announced (the answer goes out
   * as far as it got); absent where nothing is logged.
   */
  shortBody?(context: RequestContext, upstream: UpstreamAddress): LogLine[];
  /**
   * The lines it logs when an HTTP upstream's status line cannot be read and it relays the answer as HTTP/0.9
   * (`HttpProxyClient.simpleResponse`).
   */
  noValidHeader?(context: RequestContext, upstream: UpstreamAddress): LogLine[];
}

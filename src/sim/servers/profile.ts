import type { HttpParseOptions } from '../http/parse-options.ts';
import type { HttpParseError, HttpResponse } from '../http/types.ts';
import type { CgiResponse } from '../cgi/parse-cgi-response.ts';
import type { RequestContext } from './request-context.ts';
import type { Change, Pair, Provenance } from '../trace.ts';
import type { ProxyPassUpstream, NginxProxyRequest } from './nginx/nginx-proxy-request.ts';
import type { UpstreamResponse } from './nginx/nginx-proxy-response.ts';

/** What a web server does with HTTP on the client side, whatever sits behind it. */
export interface WebServerProfile {
  /** Node id in pipelines, e.g. `nginx`. */
  id: string;
  /** Product and version, e.g. `nginx 1.22.1`. */
  label: string;
  provenance: Provenance;
  httpOptions: HttpParseOptions;
  /** Checks a server makes after parsing (absolute-form, Expect, …); returns an error to reject with. */
  vet(context: RequestContext): HttpParseError | null;
  /** How many bytes of the connection this request used, when the server reads a body differently from its framing. */
  consumedBytes?(context: RequestContext): number;
  /** Requests the server answers itself before routing (`OPTIONS *`), or null. */
  answerDirectly?(context: RequestContext): HttpResponse | null;
  /** Where this server answers a parse error with another status than RFC 9112's usual one. */
  statusOverrides?: Readonly<Record<string, number>>;
  /** The server's own error page for a status. */
  errorResponse(status: number, context: RequestContext | null, code?: string): HttpResponse;
  /** Serves `/static/…` (and anything not routed to the application). */
  serveStatic(context: RequestContext): HttpResponse;
  /** Turns the gateway's CGI-style response into what the client receives. */
  finishResponse(response: CgiResponse, context: RequestContext): HttpResponse;
  /** How the server proxies a request over HTTP (`proxy_pass`): the request it sends and how it reads the answer. */
  proxy?: {
    request(context: RequestContext, upstream: ProxyPassUpstream): NginxProxyRequest;
    /** The upstream's response as the server reads it, or null when it cannot (the server answers 502). */
    readResponse(raw: Uint8Array, isHead: boolean): UpstreamResponse | null;
  };
  /** What the server did to the request line and headers on arrival (tolerated oddities, normalisation). */
  arrivalChanges(context: RequestContext): Change[];
}

/** A CGI environment or FastCGI parameter list, with what building it changed. */
export interface GatewayVariables {
  pairs: Pair[];
  changes: Change[];
  /** The body as forwarded (de-chunked, or empty for methods without one). */
  body: Uint8Array;
}

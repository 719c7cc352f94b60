import type { HttpParseOptions } from '../http/parse-options.ts';
import type { HeaderField, HttpParseError, HttpResponse } from '../http/types.ts';
import type { CgiResponse } from '../cgi/parse-cgi-response.ts';
import type { RequestContext } from './request-context.ts';
import type { Change, LogLine, Message, Pair, Provenance } from '../trace.ts';
import type { StreamSplitOptions } from '../fastcgi/stream.ts';
import type { Environ } from '../wsgi/environ.ts';
import type { WsgiRunResult } from '../wsgi/run-application.ts';
import type { ProxyPassUpstream, ProxyRequest } from './nginx/nginx-proxy-request.ts';
import type { UpstreamResponse } from './nginx/nginx-proxy-response.ts';
import type { CgiScriptFaults } from './cgi-script-faults.ts';
import type { UpstreamFailures } from './upstream-failure.ts';
import type { ServerLimits } from './server-limits.ts';
import type { GatewayRules } from '../wsgi/gateway-rules.ts';

/**
 * How a request leaves the server: answered from its own files (`static`), or handed to a CGI script, a FastCGI
 * application, a module inside the server, a WSGI application the server calls itself, or another HTTP server
 * (a reverse proxy's upstream).
 */
export type Forwarding = 'static' | 'cgi' | 'fastcgi' | 'uwsgi' | 'module' | 'wsgi' | 'http';

/** How a server runs CGI scripts (RFC 3875): the meta-variables and body it hands a script. */
export interface CgiClient {
  variables(context: RequestContext, scriptFilename: string): GatewayVariables;
  /** The server's own answer when it finds no script to run for this path, or null (it runs the script). */
  noScript?(context: RequestContext): HttpResponse | null;
  /** How it reacts when the script fails (an injected fault). */
  faults: CgiScriptFaults;
}

/** The pieces a server holds a request body in when it sends it on, and what the trace says about them. */
export interface BodyBuffers {
  lengths: number[];
  change?: Change;
}

/** How a server writes FastCGI records: the longest content per record, padding, and flags (FastCGI 1.0 §3.3). */
export interface RecordStyle {
  params: StreamSplitOptions;
  stdin: StreamSplitOptions;
  flags: number;
  /** The server cuts the body into pieces of this size before it cuts each piece into records. */
  stdinPiece?: number;
  /** The buffers the server read the body into; each one is cut into records of its own. */
  bodyBuffers?(context: RequestContext): BodyBuffers;
}

/** How a server talks to a FastCGI application. */
export interface FastcgiClient {
  /** The parameters and body it sends; `scriptFilename` when the configuration sets SCRIPT_FILENAME itself. */
  variables(context: RequestContext, scriptFilename: string | null): GatewayVariables;
  records: RecordStyle;
  /** The server's own answer before it connects to the application (mod_proxy's Max-Forwards), or null. */
  refuse?(context: RequestContext): { response: HttpResponse; changes: Change[] } | null;
  /** Turns the application's CGI-style answer into what the client receives. */
  finishResponse(response: CgiResponse, context: RequestContext): HttpResponse;
}

/** How a server talks to an application server over the uwsgi protocol (uwsgi-docs, "The uwsgi Protocol"). */
export interface UwsgiClient {
  /** The vars it packs into the packet, and the body it sends after it. */
  variables(context: RequestContext): GatewayVariables;
  /** Turns the application server's HTTP answer (status line as the `Status:`) into what the client receives. */
  finishResponse(response: CgiResponse, context: RequestContext): HttpResponse;
}

/** How a server proxies a request to another HTTP server (nginx `proxy_pass`). */
export interface HttpProxyClient {
  /** The HTTP request it sends upstream, and what it changed. */
  request(context: RequestContext, upstream: ProxyPassUpstream): ProxyRequest;
  /** The upstream's response as the server reads it, or null when it cannot (the server answers 502). */
  readResponse(raw: Uint8Array, isHead: boolean): UpstreamResponse | null;
  /**
   * Where the upstream's first line is complete but no status line the server can read: the bytes it relays to the
   * client as an HTTP/0.9 response (nginx: everything, head included), and the line; null when the status line
   * reads. Absent: such an answer is a 502 like any unreadable one.
   */
  simpleResponse?(raw: Uint8Array, isHead: boolean): { body: Uint8Array; line: string } | null;
}

/** What a server sends and logs when the application it called failed (an injected fault). */
export interface ApplicationFailure {
  response: HttpResponse;
  /** The lines it writes meanwhile (traceback, access line), in order. */
  log: LogLine[];
}

/** How a Python server that speaks HTTP itself calls the WSGI application. */
export interface WsgiHost {
  environ(context: RequestContext): { environ: Environ; changes: Change[] };
  /** An answer the server gives before the application sees the request, or null. */
  answerFirst?(context: RequestContext): HttpResponse | null;
  /** Its answer and standard-error lines when the application raises (wsgi_exception.py). */
  raised(context: RequestContext): ApplicationFailure;
  /** The lines it writes once it has sent this response (its access line), if any. */
  answered(context: RequestContext, response: HttpResponse): LogLine[];
  /**
   * How it handles the application's result, whatever it is (an answer, or an exception, an item that is not
   * bytes, start_response twice or never, a bad status): what the client gets, the lines it logs (its access line
   * too), and what failed. Absent: odd results are not modelled yet, the result is sent as an answer.
   */
  respond?(result: WsgiRunResult, context: RequestContext): OddResultAnswer;
  /** Its start_response rules (its gateway model's), handed to the application with the call. */
  rules: GatewayRules;
}

/** A gateway's handling of an odd result: the response, its log lines, and what failed (null: nothing did). */
export interface OddResultAnswer {
  response: HttpResponse;
  log: LogLine[];
  failed: Message | null;
}

/** What a web server does with HTTP on the client side, whatever sits behind it. */
export interface WebServerProfile {
  /** Node id in pipelines, e.g. `nginx`. */
  id: string;
  /** Product and version, e.g. `nginx 1.22.1`. */
  label: string;
  provenance: Provenance;
  /** How it parses a request; `httpOptions.limits` comes from `limits`. */
  httpOptions: HttpParseOptions;
  /** Its stock limits on the request line, field lines, head and body, and where each is set. */
  limits: ServerLimits;
  /**
   * Checks a server makes on the request line before it reads the header section (Cheroot's read_request_line):
   * they come before any error in the header section, and before `vet`. Returns an error to reject with.
   */
  vetRequestLine?(line: { method: string; target: string; version: string }): HttpParseError | null;
  /**
   * Checks a server makes on a field line as soon as it has read it (nginx's header handlers): they come before a
   * failure further on in the head (a line over the limit, a Transfer-Encoding it refuses). Given the lines read
   * before the failure; returns an error to reject with.
   */
  vetFields?(fields: readonly HeaderField[]): HttpParseError | null;
  /** Checks a server makes after parsing (absolute-form, Expect, …); returns an error to reject with. */
  vet(context: RequestContext): HttpParseError | null;
  /** How many bytes of the connection this request used, when the server reads a body differently from its framing. */
  consumedBytes?(context: RequestContext): number;
  /** Requests the server answers itself before routing (`OPTIONS *`), or null. */
  answerDirectly?(context: RequestContext): HttpResponse | null;
  /** Where this server answers a parse error with another status than RFC 9112's usual one. */
  statusOverrides?: Readonly<Record<string, number>>;
  /** The server's own error page for a status. */
  errorResponse(
    status: number,
    context: RequestContext | null,
    code?: string,
    quoted?: string,
    /** The version of a request line read before the failure, when there is no context. */
    lineVersion?: string,
    /** The request line's second word, when there is no context (`HttpParseError.lineTarget`). */
    lineTarget?: string,
  ): HttpResponse;
  /**
   * How the server answers a HEAD request it rejects while reading the header section (RFC 9110 §9.3.2: no
   * content): without the page, its Content-Length kept (`keep-length`) or left out (`drop-length`). Absent: the
   * page is sent as for any method.
   */
  headRejection?: 'keep-length' | 'drop-length';
  /**
   * A malformed chunked body the parser left for the body's reader (`chunkErrors: 'defer'`), met on the way out
   * by `via`: the server's answer, or null when that way reads on (it never reads the body, or its module decides).
   */
  bodyError?(context: RequestContext, via: Forwarding): HttpResponse | null;
  /** Serves `/static/…` (and anything not routed to the application). */
  serveStatic(context: RequestContext): HttpResponse;
  /** Turns the gateway's CGI-style response into what the client receives. */
  finishResponse(response: CgiResponse, context: RequestContext): HttpResponse;
  /** What the server did to the request line and headers on arrival (tolerated oddities, normalisation). */
  arrivalChanges(context: RequestContext): Change[];
  /** Whether the request goes to the application (true) or the server answers it from its own files (false). */
  routesToApplication(context: RequestContext): boolean;
  /**
   * Whether the server sends `100 Continue` before its answer when the client sent `Expect: 100-continue`
   * (RFC 9110 §10.1.1), given how the request leaves it.
   */
  sendsContinue(context: RequestContext, via: Forwarding): boolean;
  cgi?: CgiClient;
  fastcgi?: FastcgiClient;
  uwsgi?: UwsgiClient;
  wsgi?: WsgiHost;
  proxy?: HttpProxyClient;
  /** How it reacts when the next hop fails (an injected fault): its answer and error-log lines. */
  upstreamFailures?: UpstreamFailures;
}

/** A CGI environment or FastCGI parameter list, with what building it changed. */
export interface GatewayVariables {
  pairs: Pair[];
  changes: Change[];
  /** The body as forwarded (de-chunked, or empty for methods without one). */
  body: Uint8Array;
}

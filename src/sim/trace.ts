/** The Trace: what one request does at every hop of a pipeline. The CLI prints exactly this shape. */

import type { Message } from './message.ts';
import type { AsgiEvent } from './asgi/asgi-types.ts';
import type { FaultId } from './faults/fault-ids.ts';

export type { Message, MessageId, MessageValue } from './message.ts';
export type { AsgiEvent } from './asgi/asgi-types.ts';

/**
 * Version of the Trace format; bumped only when a field changes meaning. Version 2: summaries, change notes,
 * narrations and errors are messages (an id and values, sentences in `src/i18n/trace-messages.ts`), and provenance
 * is structured.
 */
export const TRACE_VERSION = 2;

/** Protocols that can be spoken on a pipeline edge. */
/** `mod_wsgi`: mod_wsgi's own daemon-mode protocol over a UNIX socket (CGI-style variables, then the body). */
/** `uwsgi`: uWSGI's native binary protocol (a 4-byte header, then the vars block, then the body). */
/** `asgi`: an ASGI server calling an application: the scope and received events, then the events it sends. */
/** `middleware`: (the lab) a WSGI call between two layers of the reader's own middleware stack. */
export type Protocol = 'http' | 'cgi' | 'fastcgi' | 'wsgi' | 'asgi' | 'mod_wsgi' | 'php' | 'uwsgi' | 'middleware';

/** An ordered name–value pair; duplicates are kept. */
export type Pair = [string, string];

/** A located error: what went wrong and at which byte offset of the request. */
export interface LocatedError {
  /** What went wrong, as a message id and values. */
  message: Message;
  /** Byte offset into the raw request (0-based). */
  offset: number;
}

/** One change a hop made to the request or response, as computed by the simulator. */
export interface Change {
  /** What kind of change. */
  kind: 'renamed' | 'decoded' | 'dropped' | 'added' | 'joined' | 'rejected' | 'rewritten' | 'framed';
  /** The field before (header name, variable, …), when there was one. */
  from?: string;
  /** The field after, when there is one. */
  to?: string;
  /** What the change is, as a message id and values. */
  message: Message;
}

/** A line of the pipeline's reference configuration that produced a variable or parameter this hop carries. */
export interface ConfigOrigin {
  /** The variable or parameter (`SCRIPT_NAME`). */
  name: string;
  /** The configuration file, by its name on the server (`apache2.conf`, `nginx.conf`, `fastcgi_params`). */
  file: string;
  /** The line, whitespace collapsed: equal to it or its start, followed by a space (`ScriptAlias /app`). */
  directive: string;
  /** The line sends the request along this hop (`WSGIProcessGroup`), rather than setting a variable the hop carries. */
  route?: true;
  /** The line sets a limit the request crossed, refused on this hop (`LimitRequestFields 50`). */
  limit?: true;
}

/** One FastCGI record as shown in a trace. */
export interface TraceRecord {
  type: string;
  requestId: number;
  contentLength: number;
  paddingLength: number;
  role?: string;
  flags?: number;
  /** END_REQUEST fields. */
  appStatus?: number;
  protocolStatus?: string;
  /** Pairs that start in this record (a pair straddling two records is listed where it starts). */
  params?: Pair[];
  /** Stream content as latin-1. */
  data?: string;
  /** The whole record (header, content, padding) as hex. */
  bytes: string;
}

/** One uwsgi packet as shown in a trace: the header's three fields, the vars in order, and what follows. */
export interface TraceUwsgiPacket {
  modifier1: number;
  /** The vars block's size in bytes (16-bit little endian on the wire). */
  datasize: number;
  modifier2: number;
  vars: Pair[];
  /** The header and the vars block as hex. */
  bytes: string;
  /** The request body sent after the packet, as latin-1. */
  body: string;
}

/**
 * Where a hop's behaviour comes from. `verified`: checked against the real `subject` (a product and version, or
 * `component` of it) as packaged by `distribution`, running `alongside` the products listed. `modelled`: read from
 * the `source` files of `subject`, with no captures to compare.
 */
export type Provenance =
  | { kind: 'verified'; subject: string; component?: string; distribution: string; alongside: string[] }
  | { kind: 'modelled'; subject: string; source: string }
  /** `ran`: the reader's own Python code, run for real (the lab); `subject` names the file. */
  | { kind: 'ran'; subject: string };

/**
 * One line a server writes to its error log, as it writes it (volatile parts: the fixed values of `VOLATILE`).
 * `node` is the pipeline node that writes it; `file` is where the reference configuration sends it.
 */
export interface LogLine {
  node: string;
  file: string;
  line: string;
}

/** What every hop carries, whatever crossed it. */
interface HopBase {
  from: string;
  to: string;
  direction: 'request' | 'response';
  /** One line saying what crossed the hop. */
  summary: Message;
  changes: Change[];
  /** The configuration lines behind the variables this hop carries, when a line produced them. */
  origins?: ConfigOrigin[];
  /** Where the behaviour comes from: verified against nginx 1.22.1 (Debian 12), or modelled from source. */
  provenance: Provenance;
  /** One plain sentence for the player's narration. */
  narration: Message;
  /** Present on the hop where an injected fault happened: what failed there (a refused connection, a timeout…). */
  failed?: Message;
  /** The error-log lines the servers write while this hop happens, in the order they write them. */
  log?: LogLine[];
  /**
   * On the last hop, when a fault was injected but the request never reached the node that fails (the front server
   * answered it, or served a file): why the fault had no effect.
   */
  unaffected?: Message;
}

/** What can cross a hop: each hop carries exactly one of these (the others are absent, by type). */
interface HopPayloads {
  /** Raw HTTP/1.x bytes as latin-1. */
  http: { raw: string };
  /** CGI meta-variables and stdin (RFC 3875 §4), or the variables and body mod_wsgi sends its daemon. */
  cgi: { env: Pair[]; stdin: string };
  fastcgi: { records: TraceRecord[] };
  /** A uwsgi packet and the body after it. */
  uwsgi: TraceUwsgiPacket;
  /** `input`: the body an application reads from wsgi.input following PEP 3333 (CONTENT_LENGTH bytes, or to the end when wsgi.input_terminated). */
  wsgi: { environ: Pair[]; input?: string };
  /** Raw output of a CGI script, PHP or a mod_wsgi daemon on its way back (headers, blank line, body), as latin-1. */
  stdout: { raw: string };
  /** What a WSGI application handed back: start_response arguments, the joined body, and the call order in and out. */
  wsgiResponse: { status: string; headers: Pair[]; body: string; calls: string[] };
  /**
   * ASGI (asgi.readthedocs.io, HTTP & WebSocket spec 2.3): the connection `scope` the application is called with,
   * each key with its value as Python's repr() shows it, and the `http.request` events its receive() returned.
   */
  asgi: { scope: Pair[]; events: AsgiEvent[] };
  /** The events an ASGI application sent: `http.response.start`, then `http.response.body`. */
  asgiResponse: { events: AsgiEvent[] };
  /** Protocol data that is none of the above (PHP's $_SERVER). */
  data: { label: string; pairs: Pair[] };
  /**
   * (The lab) One layer of the reader's middleware, as it handed the call on: going in, the environ it passed
   * inward; coming out, the status, headers and body it handed outward; and `diff`, what it changed compared with
   * what it received on that side.
   */
  middleware: MiddlewarePass;
}

/** What one middleware layer passed on, one way (see `HopPayloads.middleware`). */
export interface MiddlewarePass {
  /** The layer, by the reader's file name (`prefix_fix.py`), and its place in the stack (0: outermost). */
  layer: string;
  index: number;
  /** Going in: the environ the layer called the inner application with (values as repr(), str as text). */
  environ?: Pair[];
  /** Coming out: the last start_response the layer made, and the body as latin-1 (other items by repr()). */
  response?: { status: string; headers: Pair[]; body: string };
  diff: MiddlewareDiff[];
}

/** One difference a middleware layer made: an environ key, the status, a header or the body. */
export interface MiddlewareDiff {
  part: 'environ' | 'status' | 'header' | 'body';
  change: 'added' | 'changed' | 'removed';
  /** The key or header name (empty for the status and the body). */
  name: string;
  before?: string;
  after?: string;
}

/** A hop that carries the payload `K` and none of the others. */
type Carrying<K extends keyof HopPayloads> = HopBase &
  Pick<HopPayloads, K> & { [P in Exclude<keyof HopPayloads, K>]?: never };

/** HTTP between the client and a server, either way. */
export type HttpHop = Carrying<'http'> & { protocol: 'http' };
/** FastCGI records, either way. */
export type FastcgiHop = Carrying<'fastcgi'> & { protocol: 'fastcgi' };
/** Variables and a body handed to a CGI script or a mod_wsgi daemon. */
export type CgiRequestHop = Carrying<'cgi'> & { protocol: 'cgi' | 'mod_wsgi'; direction: 'request' };
/** A script's, PHP's or a daemon's raw output going back. */
export type OutputHop = Carrying<'stdout'> & { protocol: 'cgi' | 'mod_wsgi' | 'php'; direction: 'response' };
/** The environ a WSGI application is called with. */
export type WsgiRequestHop = Carrying<'wsgi'> & { protocol: 'wsgi'; direction: 'request' };
/** What a WSGI application handed back. */
export type WsgiResponseHop = Carrying<'wsgiResponse'> & { protocol: 'wsgi'; direction: 'response' };
/** A uwsgi packet (header, vars) and the body, from the web server to uWSGI. */
export type UwsgiRequestHop = Carrying<'uwsgi'> & { protocol: 'uwsgi'; direction: 'request' };
/** uWSGI's answer on the socket: plain HTTP (status line, headers, body), no uwsgi header. */
export type UwsgiResponseHop = Carrying<'http'> & { protocol: 'uwsgi'; direction: 'response' };
/** The scope and events an ASGI application is called with. */
export type AsgiRequestHop = Carrying<'asgi'> & { protocol: 'asgi'; direction: 'request' };
/** The events an ASGI application sent back. */
export type AsgiResponseHop = Carrying<'asgiResponse'> & { protocol: 'asgi'; direction: 'response' };
/** PHP's $_SERVER as php-fpm hands it to the script. */
export type DataHop = Carrying<'data'> & { protocol: 'php'; direction: 'request' };
/** (The lab) One layer of the reader's WSGI middleware, going in or coming out. */
export type MiddlewareHop = Carrying<'middleware'> & { protocol: 'middleware' };

/**
 * One hop: what travelled from one node to the next, complete in itself. A union on `protocol` (and `direction`
 * where one protocol carries different things each way), so a hop has exactly one payload.
 */
export type Hop =
  | HttpHop
  | FastcgiHop
  | UwsgiRequestHop
  | UwsgiResponseHop
  | CgiRequestHop
  | OutputHop
  | WsgiRequestHop
  | WsgiResponseHop
  | AsgiRequestHop
  | AsgiResponseHop
  | DataHop
  | MiddlewareHop;

/** The whole trace of one request through one pipeline. */
export interface Trace {
  version: typeof TRACE_VERSION;
  pipeline: string;
  hops: Hop[];
  response: { raw: string };
  error: LocatedError | null;
  /**
   * Present when the connection holds more pipelined requests than the trace follows (`MAX_PIPELINED_REQUESTS`,
   * 100): how many further requests the server would read, the byte where the first of them starts, and how many
   * bytes remain from there. The server answers them; the trace leaves them out.
   */
  unfollowed?: { requests: number; offset: number; bytes: number };
  /** Present when a fault was injected (`RunPipelineOptions.fault`): which one, and the node that fails. */
  fault?: { id: FaultId; node: string };
}

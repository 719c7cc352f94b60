import type { Hop, Trace } from '../../src/sim/index.ts';
import { joinRequestEvents } from './join-request-events.ts';
import type { Capture } from './build-capture.ts';
import { measureResponses } from './response-framing.ts';
import { maskVolatile } from './volatile.ts';

/** The parts of a capture and of a trace that are compared, in the same shape. */
interface Comparable {
  response: string;
  cgi?: { env: [string, string][]; stdin: string };
  fastcgi?: unknown[];
  wsgi?: [string, string][];
  php?: [string, string][];
  /** The uwsgi packet of the first connection (header fields, vars, bytes) and the body after it. */
  uwsgi?: {
    modifier1: number;
    datasize: number;
    modifier2: number;
    vars: [string, string][];
    bytes: string;
    body: string;
  };
  /** What uWSGI wrote back on that connection. */
  uwsgiResponse?: string;
  /** The first HTTP exchange between the web server and an HTTP upstream (proxy_pass), byte for byte. */
  upstream?: { request: string; response: string };
  /** The ASGI scope and the events the application received. */
  asgi?: { scope: [string, string][]; events: unknown[] };
}

const RECORD_FIELDS = [
  'type',
  'requestId',
  'contentLength',
  'paddingLength',
  'role',
  'flags',
  'params',
  'data',
  'bytes',
] as const;

/**
 * Field-by-field differences between what the real servers did (capture) and the simulator's trace, after
 * masking the documented volatile values on both sides. An empty list means they agree. Compared: the raw
 * response; the CGI env and stdin; the FastCGI request records; the WSGI environ the application got (not for
 * flup pipelines, whose gateway is modelled from source: the capture's environ comes from uwsgi); PHP's $_SERVER;
 * the uwsgi packet (header fields, vars, bytes, body) and uWSGI's answer on the socket; the HTTP request a proxy sends upstream and the upstream's response, byte for byte (first connection); the ASGI
 * scope and the events the application received.
 *
 * A trace follows the first request in the bytes. What a server does with bytes left after it (a pipelined
 * second request, or the unread end of a body it framed differently, which it then reads as a request) is
 * outside the trace: the comparison covers the response to the first request (the bytes up to the end of the
 * first complete response, by its Content-Length or chunked framing) and that request's FastCGI connection.
 */
export function compareTraceWithCapture(trace: Trace, capture: Capture): string[] {
  const real = maskVolatile(fromCapture(capture));
  const simulated = maskVolatile(fromTrace(trace, real));
  const differences: string[] = [];
  for (const key of Object.keys(real) as (keyof Comparable)[]) {
    const expected = JSON.stringify(real[key]);
    const actual = JSON.stringify(simulated[key]);
    if (expected !== actual) differences.push(describeDifference(key, real[key], simulated[key]));
  }
  return differences;
}

function fromCapture(capture: Capture): Comparable {
  const comparable: Comparable = { response: firstResponse(capture.response.raw) };
  if (capture.cgi) comparable.cgi = { env: capture.cgi.env, stdin: capture.cgi.stdin };
  if (capture.fastcgi) comparable.fastcgi = firstConnection(capture.fastcgi.records).map(pickRecordFields);
  if (capture.wsgi && !capture.pipeline.endsWith('-flup')) comparable.wsgi = capture.wsgi.environ;
  const packet = capture.uwsgi?.packet;
  if (capture.uwsgi && packet) {
    const end = (4 + packet.datasize) * 2;
    const { modifier1, datasize, modifier2, vars } = packet;
    comparable.uwsgi = {
      modifier1,
      datasize,
      modifier2,
      vars,
      bytes: capture.uwsgi.bytes.slice(0, end),
      body: capture.uwsgi.body,
    };
    comparable.uwsgiResponse = capture.uwsgi.response;
  }
  const server = capture.php?.['server'];
  if (Array.isArray(server)) comparable.php = server as [string, string][];
  const [exchange] = capture.upstream ?? [];
  if (exchange) comparable.upstream = exchange;
  if (capture.asgi) comparable.asgi = { scope: capture.asgi.scope, events: joinRequestEvents(capture.asgi.events) };
  return comparable;
}

function fromTrace(trace: Trace, wanted: Comparable): Comparable {
  const requestHop = (test: (hop: Hop) => boolean): Hop | undefined =>
    trace.hops.find((hop) => hop.direction === 'request' && test(hop));
  const comparable: Comparable = { response: firstResponse(trace.response.raw) };
  const cgi = requestHop((hop) => hop.cgi !== undefined)?.cgi;
  if (wanted.cgi && cgi) comparable.cgi = { env: cgi.env, stdin: cgi.stdin };
  const fastcgi = requestHop((hop) => hop.fastcgi !== undefined)?.fastcgi;
  if (wanted.fastcgi && fastcgi) comparable.fastcgi = firstConnection(fastcgi.records).map(pickRecordFields);
  const wsgi = requestHop((hop) => hop.wsgi !== undefined)?.wsgi;
  if (wanted.wsgi && wsgi) comparable.wsgi = wsgi.environ;
  const uwsgi = requestHop((hop) => hop.uwsgi !== undefined)?.uwsgi;
  if (wanted.uwsgi && uwsgi) {
    const { modifier1, datasize, modifier2, vars, bytes, body } = uwsgi;
    comparable.uwsgi = { modifier1, datasize, modifier2, vars, bytes, body };
  }
  const answer = trace.hops.find((hop) => hop.direction === 'response' && hop.protocol === 'uwsgi')?.http;
  if (wanted.uwsgiResponse !== undefined && answer) comparable.uwsgiResponse = answer.raw;
  const php = requestHop((hop) => hop.protocol === 'php' && hop.data !== undefined)?.data;
  if (wanted.php && php) comparable.php = php.pairs;
  const between = (hop: Hop): boolean => hop.protocol === 'http' && hop.from !== 'client' && hop.to !== 'client';
  const upstreamRequest = trace.hops.find((hop) => hop.direction === 'request' && between(hop))?.http;
  const upstreamResponse = trace.hops.find((hop) => hop.direction === 'response' && between(hop))?.http;
  if (wanted.upstream && upstreamRequest && upstreamResponse)
    comparable.upstream = { request: upstreamRequest.raw, response: upstreamResponse.raw };
  const asgi = trace.hops.find((hop) => hop.asgi !== undefined)?.asgi;
  if (wanted.asgi && asgi) comparable.asgi = { scope: asgi.scope, events: joinRequestEvents(asgi.events) };
  return comparable;
}

/** What the CGIHandler run of a CGI pipeline is compared on, capture and trace alike. */
interface CgiHandlerComparable {
  /** Whether the server ran the script (and so CGIHandler and the application) for the request at all. */
  ran: boolean;
  response?: string;
  environ?: [string, string][];
  input?: string;
  stdout?: string;
}

/**
 * Field-by-field differences between the CGIHandler run of a CGI pipeline (the WSGI dump application under the
 * real wsgiref.handlers.CGIHandler, `capture.cgiHandler`) and the simulator's trace with that script: whether the
 * application ran, the environ CGIHandler built, the body the application read (PEP 3333: CONTENT_LENGTH bytes),
 * the bytes CGIHandler wrote to stdout, and the response to the first request. Masked as `compareTraceWithCapture`.
 */
export function compareCgiHandlerWithCapture(trace: Trace, capture: Capture): string[] {
  const handler = capture.cgiHandler;
  const real: CgiHandlerComparable = { ran: handler !== undefined };
  if (handler) {
    real.response = firstResponse(handler.response.raw);
    real.environ = handler.wsgi?.environ ?? [];
    real.input = handler.wsgi?.input ?? '';
    real.stdout = handler.stdout ?? '';
  }
  // The first request's CGIHandler: its environ hop to the application, and its stdout back to the server.
  const wsgi = trace.hops.find((hop) => hop.protocol === 'wsgi' && hop.direction === 'request')?.wsgi;
  const stdout = trace.hops.find((hop) => hop.protocol === 'cgi' && hop.direction === 'response')?.stdout;
  const simulated: CgiHandlerComparable = { ran: wsgi !== undefined };
  if (wsgi) {
    simulated.response = firstResponse(trace.response.raw);
    simulated.environ = wsgi.environ;
    simulated.input = wsgi.input ?? '';
    simulated.stdout = stdout?.raw ?? '';
  }
  const [maskedReal, maskedSimulated] = [maskVolatile(real), maskVolatile(simulated)];
  const differences: string[] = [];
  for (const key of Object.keys(maskedReal) as (keyof CgiHandlerComparable)[]) {
    const [expected, actual] = [maskedReal[key], maskedSimulated[key]];
    if (JSON.stringify(expected) !== JSON.stringify(actual))
      differences.push(describeDifference(`cgiHandler.${key}`, expected, actual));
  }
  return differences;
}

/** The response to the first request: everything up to the end of the first complete response, if any. */
export function firstResponse(raw: string): string {
  // Framed as for GET, so that a body sent after a HEAD response's headers still counts as that response's.
  const end = measureResponses(Buffer.from(raw, 'latin1'), 'GET').ends[0];
  return end === undefined ? raw : raw.slice(0, end);
}

/** The records of the first request: up to the second BEGIN_REQUEST (servers open a connection per request). */
function firstConnection<T extends { type: string }>(records: readonly T[]): T[] {
  const second = records.findIndex((record, index) => index > 0 && record.type === 'BEGIN_REQUEST');
  return second < 0 ? [...records] : records.slice(0, second);
}

/** The contract's record fields; an empty `params` list counts as no list (the empty PARAMS terminator). */
function pickRecordFields(record: object): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  const present = (field: string): boolean =>
    source[field] !== undefined && !(field === 'params' && Array.isArray(source[field]) && source[field].length === 0);
  return Object.fromEntries(RECORD_FIELDS.filter(present).map((field) => [field, source[field]]));
}

const CONTEXT_CHARS = 60;

/** A short, readable account of one difference: the first entry or character that differs. */
export function describeDifference(key: string, expected: unknown, actual: unknown): string {
  if (actual === undefined) return `${key}: the simulator has no ${key} hop`;
  if (typeof expected === 'string' && typeof actual === 'string') {
    let at = 0;
    while (at < expected.length && expected[at] === actual[at]) at++;
    const around = (text: string): string => JSON.stringify(text.slice(Math.max(0, at - 20), at + CONTEXT_CHARS));
    return `${key} differs at character ${at}: real …${around(expected)}…, simulated …${around(actual)}…`;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.max(expected.length, actual.length);
    for (let index = 0; index < length; index++) {
      const want = JSON.stringify(expected[index]);
      const got = JSON.stringify(actual[index]);
      if (want !== got) return `${key}[${index}]: real ${want ?? 'nothing'}, simulated ${got ?? 'nothing'}`;
    }
  }
  return `${key}: real ${JSON.stringify(expected)}, simulated ${JSON.stringify(actual)}`;
}

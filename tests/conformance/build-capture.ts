import type { CaseResult } from './run-cases.ts';
import { FRAMEWORK_RUNS, type FrameworkRun, type RunSpec } from './pipelines.ts';
import type { Dump } from './read-dumps.ts';
import { decodeFastcgiRecords, type FastcgiRecord } from './decode-fastcgi-records.ts';
import type { Exchange } from './send-raw-request.ts';
import { decodeUwsgiDump, type UwsgiCapture } from './decode-uwsgi-dump.ts';

/** The raw response as the client received it; `timedOut` when it never completed nor was closed in time. */
export interface CapturedResponse {
  raw: string;
  timedOut?: true;
  socketError?: string;
}

/** What the real servers did with one request, in a Trace-like shape (see tests/conformance/FINDINGS.md). */
export interface Capture {
  pipeline: string;
  case: string;
  response: CapturedResponse;
  cgi?: { env: [string, string][]; stdin: string; stdinEnd: string };
  fastcgi?: { connections: number; records: FastcgiRecord[]; sent: FastcgiRecord[] };
  wsgi?: { environ: [string, string][]; input: string; inputEnd: string };
  php?: Record<string, unknown>;
  /** What nginx sent uWSGI over the uwsgi protocol and what uWSGI answered, through the uwsgi recorder. */
  uwsgi?: UwsgiCapture;
  /** What an ASGI application received: the scope as [key, repr()] pairs, each event (bytes as latin-1), the body. */
  asgi?: { scope: [string, string][]; events: Record<string, string | boolean>[]; input: string };
  /** What the HTTP recorder relayed between the web server and an HTTP upstream: one entry per connection. */
  upstream?: { request: string; response: string }[];
  /** uwsgi as a real FastCGI-to-WSGI gateway behind the same web server (flup pipelines). */
  gateway?: { name: 'uwsgi'; wsgi: Capture['wsgi']; response: CapturedResponse };
  /**
   * The same request with the WSGI dump application under wsgiref.handlers.CGIHandler as the CGI script (CGI
   * pipelines): the environ CGIHandler built and the body the application read, the bytes CGIHandler wrote to
   * stdout, and the response the client got. Only where the server ran the script.
   */
  cgiHandler?: {
    wsgi: Capture['wsgi'];
    stdout: string | undefined;
    /** What the application left of stdin, read by the script after CGIHandler returned. */
    unread: string | undefined;
    response: CapturedResponse;
  };
  /**
   * The same request to the framework example applications (tests/fixtures/apps/framework_*.py) served the same
   * way (wsgiref): the response the client got from each, by framework.
   */
  frameworks?: Partial<Record<FrameworkRun, CapturedResponse>>;
  /** Further application calls in the same case (pipelined requests), in order. */
  more?: Record<string, unknown>[];
}

/** The results of one case in each run of a pipeline, by run name. */
export type RunResults = Partial<Record<RunSpec['name'], CaseResult>>;

const RECORDER_KINDS: ReadonlySet<string> = new Set(['fastcgi', 'proxy', 'uwsgi']);

/** Merge what the runs of one case saw into a capture. */
export function buildCapture(pipeline: string, runs: RunResults): Capture {
  const main = runs.main;
  if (!main) throw new Error(`no main run for ${pipeline}`);
  const capture: Capture = { pipeline, case: main.name, response: describeResponse(main.exchange) };
  const more: Record<string, unknown>[] = [];
  // The recorder run's application (behind the HTTP recorder) writes dumps too: only the recorders' own count.
  const recorded = (runs.recorder?.dumps ?? []).filter((dump) => RECORDER_KINDS.has(dump.kind));
  // A recorder connection on which neither side sent a byte carries no exchange: it is a port probe or a
  // connection the server opened earlier and closed unused, written down late (nginx-fastcgi-flup/172 and
  // nginx-uwsgi/131 each had one before the real connection, under load).
  const dumps = [...main.dumps, ...recorded].filter((dump) => !carriesNothing(dump));
  for (const dump of dumps) {
    const added = addDump(capture, dump);
    if (!added) more.push(describeDump(dump));
  }
  const gateway = runs.uwsgi;
  if (gateway) {
    const [first, ...rest] = gateway.dumps;
    capture.gateway = {
      name: 'uwsgi',
      wsgi: first ? (describeDump(first) as Capture['wsgi']) : undefined,
      response: describeResponse(gateway.exchange),
    };
    more.push(...rest.map((dump) => ({ gateway: 'uwsgi', ...describeDump(dump) })));
  }
  const handler = runs.cgihandler;
  const wsgiDumps = handler?.dumps.filter((dump) => dump.kind === 'wsgi') ?? [];
  const stdoutDumps = handler?.dumps.filter((dump) => dump.kind === 'stdout') ?? [];
  // Only where the server ran the script: otherwise the run answered exactly as the main one (static files, errors).
  if (handler && (wsgiDumps.length > 0 || stdoutDumps.length > 0)) {
    const call = (index: number): Omit<NonNullable<Capture['cgiHandler']>, 'response'> => {
      const wsgi = wsgiDumps[index];
      const script = stdoutDumps[index]?.content;
      return {
        wsgi: wsgi ? (describeDump(wsgi) as Capture['wsgi']) : undefined,
        stdout: script?.['stdout'] as string | undefined,
        unread: script?.['unread'] as string | undefined,
      };
    };
    capture.cgiHandler = { ...call(0), response: describeResponse(handler.exchange) };
    for (let index = 1; index < Math.max(wsgiDumps.length, stdoutDumps.length); index += 1) {
      more.push({ cgiHandler: call(index) });
    }
  }
  for (const framework of FRAMEWORK_RUNS) {
    const result = runs[framework];
    if (result) (capture.frameworks ??= {})[framework] = describeResponse(result.exchange);
  }
  if (more.length > 0) capture.more = more;
  return capture;
}

/** A recorder's dump of a connection that carried no byte either way. */
function carriesNothing(dump: Dump): boolean {
  if (!RECORDER_KINDS.has(dump.kind)) return false;
  // FastCGI dumps list records (hex strings), the uwsgi and HTTP recorders' hold one hex string a direction.
  const { received, sent } = dump.content as { received?: string | string[]; sent?: string | string[] };
  return (received ?? '').length === 0 && (sent ?? '').length === 0;
}

/** The client's side of one exchange, as a capture records it. */
export function describeResponse(exchange: Exchange): CapturedResponse {
  const response: CapturedResponse = { raw: exchange.raw.toString('latin1') };
  // Whether the server closed before or after the settle delay is a race, so only a timeout is recorded.
  if (exchange.ended === 'timeout') response.timedOut = true;
  if (exchange.socketError) response.socketError = exchange.socketError;
  return response;
}

/**
 * Put a dump into its block if that block is still empty; false if it was already taken. FastCGI connections
 * are merged instead: records of every connection in arrival order, and how many connections there were.
 */
function addDump(capture: Capture, dump: Dump): boolean {
  if (dump.kind === 'proxy') {
    const { received, sent } = dump.content as { received: string; sent: string };
    (capture.upstream ??= []).push({ request: received, response: sent });
    return true;
  }
  const kind = dump.kind as 'cgi' | 'fastcgi' | 'wsgi' | 'php' | 'asgi' | 'uwsgi';
  if (kind === 'fastcgi' && capture.fastcgi) {
    const next = describeDump(dump) as NonNullable<Capture['fastcgi']>;
    capture.fastcgi.connections += 1;
    capture.fastcgi.records.push(...next.records);
    capture.fastcgi.sent.push(...next.sent);
    return true;
  }
  if (capture[kind] !== undefined) return false;
  capture[kind] = describeDump(dump) as never;
  return true;
}

function describeDump(dump: Dump): Record<string, unknown> {
  const { received, sent, trailing, ...rest } = dump.content;
  delete rest['kind'];
  if (dump.kind === 'uwsgi') return decodeUwsgiDump(received as string, sent as string) as never;
  if (dump.kind !== 'fastcgi') return rest;
  // A recorder killed while it wrote (a worker past its time on a loaded machine) leaves a dump without records.
  if (!Array.isArray(received) || !Array.isArray(sent))
    throw new Error(
      'a FastCGI recorder dump holds no received or sent records: the recorder did not finish writing it',
    );
  const described: Record<string, unknown> = {
    connections: 1,
    records: decodeFastcgiRecords(received as string[]),
    sent: decodeFastcgiRecords(sent as string[]),
  };
  if (trailing) described['trailing'] = trailing;
  return described;
}

/**
 * What every modelled pipeline puts in a variable for a few telling requests, computed from the simulator at build
 * time: the tables on the variable pages and the check of the claims their prose makes.
 */
import { PIPELINES, PIPELINE_IDS, runPipeline, type Pair, type Trace } from '../sim/index.ts';
import { hopVariables } from '../sim/hop-variables.ts';

/** The requests the variable pages trace, by id; the ids are what frontmatter claims name. */
export const VARIABLE_REQUESTS = {
  /** The application mounted at /app, with more path and a query after it. */
  prefix: 'GET /app/hello/world?x=1 HTTP/1.1\r\nHost: example.test\r\n\r\n',
  /** A slash encoded as %2F inside the path below the mount. */
  'encoded-slash': 'GET /app/a%2Fb HTTP/1.1\r\nHost: example.test\r\n\r\n',
  /** HTTP/1.0 without a Host header: the server must name itself. */
  'no-host': 'GET /app/hello HTTP/1.0\r\n\r\n',
  /** A body sent with Transfer-Encoding: chunked, so no Content-Length. */
  chunked:
    'POST /app/form HTTP/1.1\r\nHost: example.test\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
  /** A `Proxy:` request header, the httpoxy attack (CVE-2016-5385 and its siblings). */
  'proxy-header': 'GET /app/hello HTTP/1.1\r\nHost: example.test\r\nProxy: http://evil.test:8888\r\n\r\n',
  /** The same header spelled with an underscore and with a dash: both map to HTTP_X_REAL_IP. */
  'underscore-header':
    'GET /app/hello HTTP/1.1\r\nHost: example.test\r\nX_Real_IP: 6.6.6.6\r\nX-Real-IP: 1.2.3.4\r\n\r\n',
} as const;

/** A request id. */
export type VariableRequestId = keyof typeof VARIABLE_REQUESTS;

/** The ids of every request, and the four a page shows unless it names its own. */
export const VARIABLE_REQUEST_IDS = Object.keys(VARIABLE_REQUESTS) as VariableRequestId[];
export const DEFAULT_REQUESTS: readonly VariableRequestId[] = ['prefix', 'encoded-slash', 'no-host', 'chunked'];

/** What a table cell says: the value the application got, that it got none, or the status the server answered. */
export type VariableCell = { kind: 'value'; value: string } | { kind: 'unset' } | { kind: 'rejected'; status: number };

/** The status code of the trace's response ("HTTP/1.1 404 Not Found" → 404; 0 when there is none). */
function responseStatus(trace: Trace): number {
  return Number(/^HTTP\/\d\.\d (\d{3})/.exec(trace.response.raw)?.[1] ?? 0);
}

/**
 * The value of a variable where it reaches the application: the last request hop that carries variables (the WSGI
 * environ, PHP's $_SERVER, or the CGI environment or FastCGI parameters when nothing comes after them). A request
 * that no hop carried variables for was answered by the server itself: the cell says with which status.
 */
export function variableCell(trace: Trace, name: string): VariableCell {
  let pairs: readonly Pair[] | undefined;
  for (const hop of trace.hops) {
    if (hop.direction !== 'request') continue;
    if (hop.protocol !== 'http') pairs = hopVariables(hop);
  }
  if (!pairs) return { kind: 'rejected', status: responseStatus(trace) };
  const found = pairs.find(([key]) => key === name);
  return found ? { kind: 'value', value: found[1] } : { kind: 'unset' };
}

/**
 * The pipelines whose application gets CGI-style variables, in the site's order: not the static-file servers, which
 * pass nothing on, and not an ASGI application, whose scope has keys of its own (`path`, `headers`) instead.
 */
export const VARIABLE_PIPELINES: readonly string[] = PIPELINE_IDS.filter((id) => {
  const pipeline = PIPELINES[id];
  return pipeline !== undefined && pipeline.kind !== 'static' && !pipeline.edges.some((e) => e.protocol === 'asgi');
});

const traces = new Map<string, Trace>();

/** One trace per pipeline and request, run once per process (the build renders many tables from the same runs). */
export function traceFor(pipeline: string, request: VariableRequestId): Trace {
  const key = `${pipeline} ${request}`;
  let trace = traces.get(key);
  if (!trace) {
    trace = runPipeline(pipeline, new TextEncoder().encode(VARIABLE_REQUESTS[request]), { app: 'plain' });
    traces.set(key, trace);
  }
  return trace;
}

/** One row of a variable's table. */
export interface VariableRow {
  pipeline: string;
  cells: VariableCell[];
}

/** A variable's table: one row per pipeline, one cell per request. */
export function variableRows(name: string, requests: readonly VariableRequestId[]): VariableRow[] {
  return VARIABLE_PIPELINES.map((pipeline) => ({
    pipeline,
    cells: requests.map((request) => variableCell(traceFor(pipeline, request), name)),
  }));
}

/** A claim the prose of a variable page makes about one pipeline, checked against the simulator. */
export interface VariableClaim {
  pipeline: string;
  request: VariableRequestId;
  /** The variable; defaults to the page's first name. */
  name?: string | undefined;
  /** Exactly one of: the value the application gets, that it gets none, or the status the server rejects with. */
  value?: string | undefined;
  unset?: boolean | undefined;
  status?: number | undefined;
}

/** What a claim expects, as a cell. */
export function expectedCell(claim: VariableClaim): VariableCell {
  if (claim.value !== undefined) return { kind: 'value', value: claim.value };
  if (claim.status !== undefined) return { kind: 'rejected', status: claim.status };
  return { kind: 'unset' };
}

const describeCell = (cell: VariableCell): string =>
  cell.kind === 'value' ? JSON.stringify(cell.value) : cell.kind === 'unset' ? 'not set' : `rejected ${cell.status}`;

/** The claims that the simulator contradicts, each as one sentence naming what it really does. */
export function checkClaims(claims: readonly VariableClaim[], defaultName: string): string[] {
  const problems: string[] = [];
  for (const claim of claims) {
    const name = claim.name ?? defaultName;
    if (!VARIABLE_PIPELINES.includes(claim.pipeline)) {
      problems.push(`unknown pipeline "${claim.pipeline}" (known: ${VARIABLE_PIPELINES.join(', ')})`);
      continue;
    }
    const expected = expectedCell(claim);
    const actual = variableCell(traceFor(claim.pipeline, claim.request), name);
    if (describeCell(expected) !== describeCell(actual)) {
      problems.push(
        `${claim.pipeline}, request "${claim.request}": the page says ${name} is ${describeCell(expected)}, the simulator gives ${describeCell(actual)}`,
      );
    }
  }
  return problems;
}

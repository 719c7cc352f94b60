import type { Change, Hop, LocatedError, Trace } from '../trace.ts';
import type { HttpParseError, HttpResponse } from '../http/types.ts';
import type { PipelineKind } from './pipeline-types.ts';
import type { RunContext, RunOutcome } from './run-context.ts';
import type { WsgiAppId } from '../apps/wsgi-apps.ts';
import type { WsgiApplication } from '../wsgi/application.ts';
import { TRACE_VERSION } from '../trace.ts';
import { PIPELINES } from './definitions.ts';
import { SERVER_PROFILES } from '../servers/server-profiles.ts';
import { parseRequest } from '../http/parse-request.ts';
import { serializeResponse } from '../http/serialize-response.ts';
import { createRequestContext } from '../servers/request-context.ts';
import { httpRequestHop, httpResponseHop } from './hops.ts';
import { routesToApplication } from './route.ts';
import { expectsContinue } from './expects-continue.ts';
import { runStatic } from './run-static.ts';
import { runCgi } from './run-cgi.ts';
import { runFastcgi } from './run-fastcgi.ts';
import { runModuleWsgi } from './run-module-wsgi.ts';
import { runWsgiServer } from './run-wsgi-server.ts';
import { latin1 } from '../bytes.ts';
import { attachOrigins } from './attach-origins.ts';

/** The WSGI application at the end of pipelines that have one: its id and how to create it. */
export interface ApplicationChoice {
  id: WsgiAppId;
  create: () => WsgiApplication;
}

const RUNNERS: Readonly<Record<PipelineKind, (run: RunContext) => RunOutcome>> = {
  static: runStatic,
  cgi: runCgi,
  'fastcgi-wsgi': runFastcgi,
  'fastcgi-php': runFastcgi,
  'module-wsgi': runModuleWsgi,
  'wsgi-server': runWsgiServer,
};

const CONTINUE = 'HTTP/1.1 100 Continue\r\n\r\n';

/**
 * Traces raw request bytes through a pipeline. Throws only for an unknown pipeline id; a malformed request yields a
 * trace with `error`. Pipelined requests on a connection the server keeps open are traced one after the other: their
 * hops follow each other and `response.raw` holds every answer in order.
 */
export function tracePipeline(pipelineId: string, requestBytes: Uint8Array, app: ApplicationChoice): Trace {
  const first = traceOneRequest(pipelineId, requestBytes, app);
  const trace = first.trace;
  let offset = 0;
  let consumed = first.consumed;
  while (
    consumed !== null &&
    consumed < requestBytes.length - offset &&
    hasContent(requestBytes.subarray(offset + consumed))
  ) {
    const opening = trace.hops[0];
    if (offset === 0 && opening?.http) opening.http.raw = latin1(requestBytes.subarray(0, consumed));
    offset += consumed;
    const next = traceOneRequest(pipelineId, requestBytes.subarray(offset), app);
    const [arrival, ...rest] = next.trace.hops;
    if (arrival)
      arrival.changes.unshift({
        kind: 'added',
        note: `A pipelined request, starting at byte ${offset} of the same connection`,
      });
    trace.hops.push(...(arrival ? [arrival] : []), ...rest);
    trace.response.raw += next.trace.response.raw;
    if (next.trace.error) {
      trace.error = { message: next.trace.error.message, offset: next.trace.error.offset + offset };
      break;
    }
    consumed = next.consumed;
  }
  attachOrigins(trace);
  return trace;
}

/** Whether bytes hold more than line ends and spaces (servers skip those between pipelined requests). */
function hasContent(bytes: Uint8Array): boolean {
  return bytes.some((b) => b !== 0x0d && b !== 0x0a && b !== 0x20);
}

/** One request's trace, and how many bytes it used when the server keeps the connection open for another. */
function traceOneRequest(
  pipelineId: string,
  requestBytes: Uint8Array,
  app: ApplicationChoice,
): { trace: Trace; consumed: number | null } {
  const pipeline = PIPELINES[pipelineId];
  if (!pipeline) throw new Error(`Unknown pipeline ${JSON.stringify(pipelineId)}`);
  const server = SERVER_PROFILES[pipeline.server];
  if (!server) throw new Error(`Pipeline ${pipelineId} names an unknown server ${pipeline.server}`);
  const raw = latin1(requestBytes);
  const hops: Hop[] = [];
  const finish = (response: HttpResponse, error: LocatedError | null, prefix = '', changes: Change[] = []): Trace => {
    const responseRaw = prefix + latin1(serializeResponse(response));
    hops.push(
      httpResponseHop({
        from: server.id,
        to: 'client',
        raw: responseRaw,
        serverLabel: server.label,
        provenance: server.provenance,
        changes,
        ...(error ? { rejected: error.message } : {}),
      }),
    );
    return { version: TRACE_VERSION, pipeline: pipelineId, hops, response: { raw: responseRaw }, error };
  };
  const done = (trace: Trace, consumed: number | null = null) => ({ trace, consumed });
  const reject = (failure: HttpParseError, context: Parameters<typeof server.errorResponse>[1]) => {
    const status = server.statusOverrides?.[failure.code] ?? failure.status;
    return finish(
      server.errorResponse(status, context, failure.code),
      { message: failure.message, offset: failure.offset },
      '',
      [{ kind: 'rejected', note: `${server.label} answers ${status}: ${failure.message}` }],
    );
  };

  const parsed = parseRequest(requestBytes, server.httpOptions);
  if (!parsed.ok) {
    hops.push(
      httpRequestHop({ from: 'client', to: server.id, raw, serverLabel: server.label, provenance: server.provenance }),
    );
    return done(reject(parsed.error, null));
  }
  const context = createRequestContext(requestBytes, parsed.request);
  const arrival: Change[] = [
    ...parsed.request.tolerated.map((t): Change => ({ kind: 'rewritten', note: t.message })),
    ...server.arrivalChanges(context),
  ];
  if (parsed.request.framing === 'chunked')
    arrival.push({ kind: 'framed', note: `The chunked body is decoded to ${parsed.request.body.length} bytes` });
  hops.push(
    httpRequestHop({
      from: 'client',
      to: server.id,
      raw,
      serverLabel: server.label,
      provenance: server.provenance,
      changes: arrival,
    }),
  );
  const vetted = server.vet(context);
  if (vetted) return done(reject(vetted, context));
  const keepsOpen = context.closes ? null : (server.consumedBytes?.(context) ?? parsed.request.length);
  const direct = server.answerDirectly?.(context);
  if (direct) return done(finish(direct, null), keepsOpen);

  const run: RunContext = { pipeline, server, request: context, app: app.id, createApp: app.create, hops };
  const outcome = routesToApplication(pipeline, context) ? RUNNERS[pipeline.kind](run) : runStatic(run);
  // Apache answers 100 Continue whenever it reads (or discards) a body the client is waiting to send; mod_proxy_fcgi
  // reads it before the header filter runs and sends none.
  if (
    server.id === 'apache2' &&
    pipeline.kind !== 'fastcgi-wsgi' &&
    expectsContinue(context) &&
    context.request.body.length > 0
  )
    outcome.continued = true;
  return done(finish(outcome.response, null, outcome.continued ? CONTINUE : ''), keepsOpen);
}

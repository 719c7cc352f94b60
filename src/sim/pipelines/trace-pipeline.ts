import type { Change, Hop, LocatedError, Trace } from '../trace.ts';
import { msg } from '../message.ts';
import type { HttpParseError, HttpRequest, HttpResponse } from '../http/types.ts';
import type { CgiScript, RunContext } from './run-context.ts';
import type { WsgiAppId } from '../apps/wsgi-apps.ts';
import type { WsgiApplication } from '../wsgi/application.ts';
import { TRACE_VERSION } from '../trace.ts';
import type { WebServerProfile } from '../servers/profile.ts';
import type { TraceParts } from './trace-parts.ts';
import type { Runner } from './runners.ts';
import { MAX_REQUEST_BYTES, RequestTooLargeError } from '../request-too-large-error.ts';
import { MAX_PIPELINED_REQUESTS, countPipelinedRequests, hasContent } from './pipelined-requests.ts';
import { parseRequest } from '../http/parse-request.ts';
import { serializeResponse } from '../http/serialize-response.ts';
import { createRequestContext } from '../servers/request-context.ts';
import { httpRequestHop, httpResponseHop } from './hops.ts';
import { routesToApplication } from './route.ts';
import { latin1 } from '../bytes.ts';
import { attachOrigins } from './attach-origins.ts';
import { effectiveLimits, limitRefusal } from '../servers/server-limits.ts';
import type { AcceptedFault } from '../faults/pipeline-fault.ts';
import { faultHappened } from '../faults/fault-hops.ts';
import { createFaultMemory, type FaultMemory } from '../faults/fault-memory.ts';

/** The WSGI application at the end of pipelines that have one: its id and how to create it. */
export interface ApplicationChoice {
  id: WsgiAppId;
  create: () => WsgiApplication;
  /** The CGI pipelines' script (default `cgihandler`). */
  cgiScript?: CgiScript;
}

const CONTINUE = 'HTTP/1.1 100 Continue\r\n\r\n';

/** What a server that is still waiting for the rest of the request has sent when the client gives up. */
const NO_ANSWER: HttpResponse = { version: '', status: 0, reason: '', headers: [], body: new Uint8Array(0) };

/** RFC 1945 §6: a Simple-Response to an HTTP/0.9 request is the entity body alone. */
function forVersion(response: HttpResponse, context: { request: HttpRequest }): HttpResponse {
  if (context.request.clientGone) return NO_ANSWER;
  return context.request.version === 'HTTP/0.9' ? { ...response, version: '' } : response;
}

/**
 * Traces raw request bytes through a pipeline, given its parts (`partsOf` in static-parts.ts, or one pipeline's
 * parts module). Throws `RequestTooLargeError` above `MAX_REQUEST_BYTES`; a malformed request yields a trace with `error`. Pipelined
 * requests on a connection the server keeps open are traced one after the other: their hops follow each other, each
 * arrival hop carries that request's own bytes, and `response.raw` holds every answer in order. The trace follows at
 * most `MAX_PIPELINED_REQUESTS` requests; `unfollowed` (and a change on the last hop) tells how many more the
 * connection holds.
 */
export function tracePipeline(
  parts: TraceParts,
  requestBytes: Uint8Array,
  app: ApplicationChoice,
  fault?: AcceptedFault,
): Trace {
  if (requestBytes.length > MAX_REQUEST_BYTES) throw new RequestTooLargeError(requestBytes.length);
  const { pipeline, server } = parts;
  const memory = createFaultMemory();
  const first = traceOneRequest(parts, requestBytes, app, fault, memory);
  const trace = first.trace;
  let offset = 0;
  let consumed = first.consumed;
  let followed = 1;
  while (consumed !== null) {
    offset += consumed;
    const rest = requestBytes.subarray(offset);
    if (followed >= MAX_PIPELINED_REQUESTS) {
      noteUnfollowed(trace, server, rest, offset);
      break;
    }
    const next = traceOneRequest(parts, rest, app, fault, memory);
    followed++;
    const [arrival, ...hops] = next.trace.hops;
    if (arrival)
      arrival.changes.unshift({
        kind: 'added',
        message: msg('change.pipelinedRequest', { offset }),
      });
    for (const hop of arrival ? [arrival, ...hops] : hops) trace.hops.push(hop);
    trace.response.raw += next.trace.response.raw;
    if (next.trace.error) {
      trace.error = { message: next.trace.error.message, offset: next.trace.error.offset + offset };
      break;
    }
    consumed = next.consumed;
  }
  attachOrigins(trace, pipeline);
  if (fault) {
    trace.fault = { id: fault.id, node: fault.node };
    const last = trace.hops[trace.hops.length - 1];
    if (last && !faultHappened(trace.hops))
      last.unaffected = msg('fault.unaffected', { fault: fault.id, node: fault.node });
  }
  return trace;
}

/** Records the requests after the last one followed: in `unfollowed` and as a change on the last hop. */
function noteUnfollowed(trace: Trace, server: WebServerProfile, rest: Uint8Array, offset: number): void {
  const requests = countPipelinedRequests(server, rest);
  trace.unfollowed = { requests, offset, bytes: rest.length };
  trace.hops.at(-1)?.changes.push({
    kind: 'dropped',
    message: msg('change.unfollowed', {
      max: MAX_PIPELINED_REQUESTS,
      requests,
      bytes: rest.length,
      offset,
      server: server.label,
    }),
  });
}

/**
 * One request's trace, and how many bytes it used when the server keeps the connection open and another request
 * follows (null when the connection ends with it). Its arrival hop carries its own bytes: up to where the next
 * request starts, or to the end of the connection when none follows.
 */
function traceOneRequest(
  parts: TraceParts,
  requestBytes: Uint8Array,
  app: ApplicationChoice,
  fault: AcceptedFault | undefined,
  memory: FaultMemory,
): { trace: Trace; consumed: number | null } {
  const { pipeline, server } = parts;
  const pipelineId = pipeline.id;
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
  const reject = (failure: HttpParseError, context: Parameters<typeof server.errorResponse>[1], exact = false) => {
    const status = exact ? failure.status : (server.statusOverrides?.[failure.code] ?? failure.status);
    const waits = failure.code === 'waits-for-head';
    const page = waits
      ? NO_ANSWER
      : server.errorResponse(status, context, failure.code, failure.quoted, failure.version, failure.lineTarget);
    // An answer of no bytes at all: the server closed the connection instead.
    const silent = page.version === '' && page.body.length === 0;
    // A request the server read as HTTP/0.9 is answered with the body alone (RFC 1945 §6), a HEAD's page too.
    const answer =
      failure.version === 'HTTP/0.9'
        ? { ...page, version: '' }
        : context === null && failure.method === 'HEAD'
          ? headRejection(page, server.headRejection)
          : page;
    const reason = failure.message;
    return finish(answer, { message: failure.message, offset: failure.offset }, '', [
      {
        kind: 'rejected',
        message: waits
          ? msg('change.waitsForHead', { server: server.label })
          : silent
            ? msg('change.closedWithoutAnswer', { server: server.label, reason })
            : msg('change.rejected', { server: server.label, status, reason }),
      },
    ]);
  };

  const { limits, options } = effectiveLimits(server.limits, server.httpOptions, pipeline.limits);
  const parsed = parseRequest(requestBytes, options);
  if (!parsed.ok) {
    const raw = latin1(requestBytes);
    // A failure in the header section comes after the checks the server makes on the request line alone.
    const { method = '', target, version = '' } = parsed.error;
    const lineError = target === undefined ? null : (server.vetRequestLine?.({ method, target, version }) ?? null);
    // So do the checks it makes on each field line as it reads it, for the lines before the failure.
    const earlier = lineError ?? (parsed.error.fields ? (server.vetFields?.(parsed.error.fields) ?? null) : null);
    hops.push(
      httpRequestHop({ from: 'client', to: server.id, raw, serverLabel: server.label, provenance: server.provenance }),
    );
    if (earlier) return done(reject({ ...earlier, method }, null));
    const refusal = limitRefusal(limits, parsed.error);
    // A body over the limit is refused after the head was read: the answer can use what the head said.
    const head = parsed.error.head ? createRequestContext(requestBytes, parsed.error.head, options.targetSyntax) : null;
    // The server's own checks of the head come first: nginx refuses TRACE in ngx_http_process_request_header,
    // before ngx_http_core_find_config_phase compares the Content-Length with client_max_body_size (captured by the
    // variant generator).
    const headVetted = head ? server.vet(head) : null;
    if (headVetted) return done(reject({ ...headVetted, version: parsed.error.head?.version ?? '' }, head));
    const trace = reject(
      refusal ? { ...parsed.error, status: refusal.status, message: refusal.reason } : parsed.error,
      head,
      !!refusal,
    );
    // The configuration line that set the limit goes with the refusal, for the config panel to light.
    const answer = hops.at(-1);
    if (refusal?.origin && answer) answer.origins = [refusal.origin];
    return done(trace);
  }
  const context = createRequestContext(requestBytes, parsed.request, options.targetSyntax);
  const arrival: Change[] = [
    ...parsed.request.tolerated.map((t): Change => ({ kind: 'rewritten', message: t.message })),
    ...server.arrivalChanges(context),
  ];
  if (parsed.request.framing === 'chunked')
    arrival.push({ kind: 'framed', message: msg('change.chunkedDecoded', { bytes: parsed.request.body.length }) });
  const { method, target, version } = parsed.request;
  // The request line's own checks come before the server took the version; vet's after, so an HTTP/0.9 request's
  // refusal is answered as HTTP/0.9.
  const lineVetted = server.vetRequestLine?.({ method, target, version }) ?? null;
  const afterVet = lineVetted ? null : server.vet(context);
  const vetted = lineVetted ?? (afterVet ? { ...afterVet, version } : null);
  const used = context.closes || vetted ? null : (server.consumedBytes?.(context) ?? parsed.request.length);
  const keepsOpen = used !== null && hasContent(requestBytes.subarray(used)) ? used : null;
  hops.push(
    httpRequestHop({
      from: 'client',
      to: server.id,
      raw: latin1(keepsOpen === null ? requestBytes : requestBytes.subarray(0, keepsOpen)),
      serverLabel: server.label,
      provenance: server.provenance,
      changes: arrival,
    }),
  );
  // A refusal of the request line comes before the header section is read: the answer knows the line alone (the
  // name Apache's page gives is not the Host field's).
  if (lineVetted)
    return done(reject(lineVetted, { ...context, host: null, request: { ...context.request, headers: [] } }));
  if (vetted) return done(reject(vetted, context));
  const direct = server.answerDirectly?.(context);
  if (direct) return done(finish(forVersion(direct, context), null), keepsOpen);

  const runner: Runner = routesToApplication(pipeline, server, context) ? parts.runner : parts.staticRunner;
  // Whether a 100 Continue goes out depends on the route alone; the answer may depend on it (Apache's keep-alive).
  const continued = server.sendsContinue(context, runner.via);
  const run: RunContext = {
    pipeline,
    server,
    request: { ...context, continued },
    app: app.id,
    createApp: app.create,
    cgiScript: app.cgiScript ?? 'cgihandler',
    hops,
    ...(fault ? { fault, faultMemory: memory } : {}),
  };
  // A chunked body over the limit that only a reader of the body counts (`chunkedBodyLimit: 'reader'`): a gateway
  // or proxy refuses it before it connects; a static file's handler discards it unread (captured by the variant
  // generator).
  const overLimit = context.request.bodyOverLimit;
  const bodyRefusal =
    overLimit && runner.via !== 'static'
      ? limitRefusal(limits, {
          code: 'body-too-large',
          message: msg('http.bodyTooLarge'),
          offset: overLimit.offset,
          status: 413,
          limit: { kind: 'body', size: overLimit.size },
        })
      : null;
  if (overLimit && bodyRefusal) {
    const trace = reject(
      {
        code: 'body-too-large',
        message: bodyRefusal.reason,
        offset: overLimit.offset,
        status: bodyRefusal.status,
      },
      context,
      true,
    );
    const answer = hops.at(-1);
    if (bodyRefusal.origin && answer) answer.origins = [bodyRefusal.origin];
    return done(trace);
  }
  const { bodyError } = context.request;
  const refused = bodyError ? server.bodyError?.(context, runner.via) : null;
  if (bodyError && refused) {
    const status = refused.status;
    return done(
      finish(forVersion(refused, context), bodyError, '', [
        {
          kind: 'rejected',
          message: msg('change.rejected', { server: server.label, status, reason: bodyError.message }),
        },
      ]),
    );
  }
  const { response, changes } = runner.run(run);
  return done(finish(forVersion(response, context), null, continued ? CONTINUE : '', changes), keepsOpen);
}

/** A rejected HEAD request's answer: the error page's header block without the page (see `headRejection`). */
function headRejection(page: HttpResponse, how: WebServerProfile['headRejection']): HttpResponse {
  if (how === undefined) return page;
  const headers = how === 'drop-length' ? page.headers.filter(([name]) => name !== 'Content-Length') : page.headers;
  return { ...page, headers, body: new Uint8Array(0) };
}

import { isShortBody } from '../servers/short-body.ts';
import type { RunContext, RunOutcome } from './run-context.ts';
import { HTTP_APP_SERVERS } from '../servers/http-app-servers.ts';
import { ownEntry } from '../own-entry.ts';
import { requireStage } from './stage-nodes.ts';
import { REFERENCE_SITE } from '../reference-site.ts';
import { callApplication, enterApplication } from './call-application.ts';
import type { WsgiRequestHop } from '../trace.ts';
import type { WsgiRunResult } from '../wsgi/run-application.ts';
import type { UpstreamAddress } from '../servers/upstream-failure.ts';
import { msg } from '../message.ts';
import { faultIs, markFailed, withLog } from '../faults/fault-hops.ts';
import { failUpstream } from '../faults/fail-upstream.ts';
import { FAULT_EXCEPTION } from '../apps/fault-apps.ts';
import { proxyRequestHop, proxyResponseHop } from './hops.ts';
import { latin1 } from '../bytes.ts';

/** Where nginx proxies: proxy_pass http://127.0.0.1:{{UPSTREAM_PORT}}, with the URI it sent (nginx logs both). */
export function proxyUpstream(raw: Uint8Array): UpstreamAddress {
  const line = latin1(raw).split('\r\n', 1)[0] ?? '';
  return { scheme: 'http', uri: line.split(' ')[1] ?? '' };
}

/** What a WSGI server gets from an application that raised before start_response (its error answer follows). */
function raisedResult(): WsgiRunResult {
  return {
    status: '500 Internal Server Error',
    headers: [],
    body: new Uint8Array(0),
    chunks: [],
    sized: true,
    log: [],
    error: msg('fault.appRaises', { exception: FAULT_EXCEPTION.python }),
    items: [],
    calls: [],
    raised: null,
    returnedType: '',
    hasClose: false,
    errors: [],
  };
}

/**
 * A web server proxying over HTTP to an application server (the pipeline's edge from a module to another server
 * speaking `http`): the request the proxy builds, the application server's environ and answer, and what the proxy
 * makes of that answer for the client.
 */
export function runHttpProxy(run: RunContext): RunOutcome {
  const { pipeline, server, request } = run;
  const proxy = server.proxy;
  if (!proxy) throw new Error(`${server.label} does not proxy over HTTP`);
  const module = requireStage(pipeline, 'module').id;
  const edge = pipeline.edges.find((candidate) => candidate.protocol === 'http' && candidate.from === module);
  if (!edge) throw new Error(`${pipeline.id} has no HTTP edge from ${module}`);
  const upstream = ownEntry('server', HTTP_APP_SERVERS, edge.to);
  const proxied = proxy.request(request, {
    proxyHost: `${REFERENCE_SITE.serverAddr}:${REFERENCE_SITE.upstreamPort}`,
  });
  const requestHop = proxyRequestHop({
    from: edge.from,
    to: edge.to,
    raw: latin1(proxied.raw),
    changes: proxied.changes,
    provenance: server.provenance,
  });
  run.hops.push(requestHop);
  const address = proxyUpstream(proxied.raw);
  if (faultIs(run, 'backend-down')) return failUpstream(run, requestHop, { kind: 'refused' }, address);
  // An application that never answers (it raises, or sleeps): the environ hop is where the fault is drawn.
  let entered: WsgiRequestHop | undefined;
  const served = upstream.serve(proxied.raw, (environ, input, changes) => {
    if (!faultIs(run, 'app-exception') && !faultIs(run, 'app-timeout'))
      return callApplication(run, edge.to, environ, input, changes, upstream.provenance, upstream.rules);
    entered = enterApplication(run, edge.to, environ, input, changes, upstream.provenance);
    return raisedResult();
  });
  if (entered && faultIs(run, 'app-timeout')) {
    const own = upstream.faults?.timeout() ?? null;
    return own
      ? failUpstream(run, entered, { kind: 'closed' }, address, { failed: own.failed, before: own.log })
      : failUpstream(run, entered, { kind: 'timeout' }, address);
  }
  if (entered && upstream.faults)
    markFailed(
      entered,
      msg('fault.appRaises', { exception: FAULT_EXCEPTION.python }),
      upstream.faults.raised(address.uri).log,
    );
  if (!served) return { response: server.errorResponse(502, request) };
  const simple = proxy.simpleResponse?.(served.raw, request.isHead) ?? null;
  const read = simple ? null : proxy.readResponse(served.raw, request.isHead);
  const responseHop = proxyResponseHop({
    from: edge.to,
    to: edge.from,
    raw: latin1(served.raw),
    changes: [
      ...served.changes,
      ...(read?.changes ?? []),
      ...(simple
        ? [{ kind: 'rewritten' as const, message: msg('change.proxySimpleResponse', { line: simple.line }) }]
        : []),
    ],
    provenance: upstream.provenance,
  });
  // The configuration line behind a limit the application server refused the request for, if one set it.
  if (served.origins) responseHop.origins = served.origins;
  run.hops.push(responseHop);
  // The application server refused the application's answer itself (Gunicorn's 400 for a bad header name).
  const refused = served.changes.find((change) => change.kind === 'rejected');
  if (faultIs(run, 'bad-response') && refused) markFailed(responseHop, refused.message);
  if (served.failed) markFailed(responseHop, served.failed, served.log ?? []);
  else if (served.log) withLog(responseHop, served.log);
  if (read && !request.isHead && isShortBody(read.response) && server.upstreamFailures?.shortBody)
    withLog(responseHop, server.upstreamFailures.shortBody(request, address));
  if (simple) {
    withLog(responseHop, server.upstreamFailures?.noValidHeader?.(request, address) ?? []);
    // RFC 1945 §6 Simple-Response: the entity body alone (an empty version serialises the body only).
    return { response: { version: '', status: 200, reason: '', headers: [], body: simple.body } };
  }
  const response = read ? server.finishResponse(read.response, request) : server.errorResponse(502, request);
  return { response };
}

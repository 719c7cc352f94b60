import type { RunContext, RunOutcome } from './run-context.ts';
import { ASGI_SERVERS } from '../servers/uvicorn/uvicorn-profile.ts';
import { createAsgiDumpApp } from '../apps/asgi-dump-app.ts';
import { asgiRequestHop, asgiResponseHop } from './asgi-hops.ts';
import { proxyRequestHop, proxyResponseHop } from './hops.ts';
import { ownEntry } from '../own-entry.ts';
import { requireStage } from './stage-nodes.ts';
import { msg } from '../message.ts';
import { REFERENCE_SITE } from '../reference-site.ts';
import { fromLatin1, latin1 } from '../bytes.ts';
import type { AsgiEvent } from '../trace.ts';
import { proxyUpstream } from './run-http-proxy.ts';
import { faultIs, markFailed } from '../faults/fault-hops.ts';
import { failUpstream } from '../faults/fail-upstream.ts';
import { ASGI_BAD_HEADERS, ASGI_FAULT_APP_NAMES, FAULT_EXCEPTION } from '../apps/fault-apps.ts';
import {
  illegalHeaderName,
  UVICORN_500_EVENTS,
  uvicornIllegalHeaderLog,
  uvicornRaisedLog,
} from '../servers/uvicorn/uvicorn-faults.ts';

/** asgi_bad_header.py's http.response.start: a 200 with a header name that has a space (its body never goes). */
const ASGI_BAD_HEADER_EVENTS: AsgiEvent[] = [
  { type: 'http.response.start', status: 200, headers: ASGI_BAD_HEADERS.map(([name, value]) => [name, value]) },
];

/**
 * A web server proxying over HTTP to an ASGI server (the pipeline's `http` edge from a module to a server, then an
 * `asgi` edge to the application): the request the proxy builds, the scope and events the application receives,
 * the events it sends, the ASGI server's HTTP answer, and what the proxy makes of it for the client.
 */
export function runProxyAsgi(run: RunContext): RunOutcome {
  const { pipeline, server, request, hops } = run;
  const proxy = server.proxy;
  if (!proxy) throw new Error(`${server.label} does not proxy over HTTP`);
  const module = requireStage(pipeline, 'module').id;
  const application = requireStage(pipeline, 'application').id;
  const proxyEdge = pipeline.edges.find((edge) => edge.protocol === 'http' && edge.from === module);
  const asgiEdge = pipeline.edges.find((edge) => edge.protocol === 'asgi' && edge.to === application);
  if (!proxyEdge || !asgiEdge)
    throw new Error(`${pipeline.id} has no HTTP edge from ${module} or ASGI edge to ${application}`);
  const upstream = ownEntry('server', ASGI_SERVERS, proxyEdge.to);
  const proxied = proxy.request(request, {
    proxyHost: `${REFERENCE_SITE.serverAddr}:${REFERENCE_SITE.upstreamPort}`,
  });
  const sent = latin1(proxied.raw);
  const requestHop = proxyRequestHop({
    from: proxyEdge.from,
    to: proxyEdge.to,
    raw: sent,
    changes: proxied.changes,
    provenance: server.provenance,
  });
  hops.push(requestHop);
  const address = proxyUpstream(proxied.raw);
  if (faultIs(run, 'backend-down')) return failUpstream(run, requestHop, { kind: 'refused' }, address);
  const h11 = upstream.readRequest(sent);
  let answer = upstream.badRequest();
  if (h11) {
    const { scope, fields } = upstream.scope(h11);
    const received = upstream.received(h11);
    const app = createAsgiDumpApp();
    const scopeHop = asgiRequestHop({
      from: asgiEdge.from,
      to: asgiEdge.to,
      scope,
      events: received,
      appName: run.fault && run.fault.id !== 'backend-down' ? ASGI_FAULT_APP_NAMES[run.fault.id] : app.name,
      provenance: upstream.provenance,
      changes: [
        { kind: 'decoded', to: 'path', message: msg('change.asgiPathDecoded') },
        { kind: 'renamed', to: 'headers', message: msg('change.asgiHeadersLowercased') },
      ],
    });
    hops.push(scopeHop);
    // Uvicorn sets no time limit on a request: nginx's proxy_read_timeout ends the wait.
    if (faultIs(run, 'app-timeout')) return failUpstream(run, scopeHop, { kind: 'timeout' }, address);
    if (faultIs(run, 'app-exception')) {
      markFailed(scopeHop, msg('fault.appRaises', { exception: FAULT_EXCEPTION.python }), uvicornRaisedLog(h11));
      answer = upstream.respond(h11, UVICORN_500_EVENTS);
    } else {
      const events = faultIs(run, 'bad-response') ? ASGI_BAD_HEADER_EVENTS : app.respond(fields, received);
      const eventsHop = asgiResponseHop({
        from: asgiEdge.to,
        to: asgiEdge.from,
        events,
        provenance: upstream.provenance,
      });
      hops.push(eventsHop);
      const start = events.find((event) => event.type === 'http.response.start');
      const illegal = illegalHeaderName(start?.headers ?? []);
      if (illegal !== null && run.fault)
        return failUpstream(run, eventsHop, { kind: 'closed' }, address, {
          failed: msg('fault.uvicornIllegalHeader', { name: JSON.stringify(illegal) }),
          before: uvicornIllegalHeaderLog(h11, start?.status ?? 200, illegal),
        });
      answer = upstream.respond(h11, events);
    }
  }
  const read = proxy.readResponse(fromLatin1(answer), request.isHead);
  hops.push(
    proxyResponseHop({
      from: proxyEdge.to,
      to: proxyEdge.from,
      raw: answer,
      provenance: upstream.provenance,
      changes: [
        ...(h11 ? [] : [{ kind: 'rejected' as const, message: msg('change.h11Rejects', { server: upstream.label }) }]),
        ...(read?.changes ?? []),
      ],
    }),
  );
  const response = read ? server.finishResponse(read.response, request) : server.errorResponse(502, request);
  return { response };
}

import type { RunContext, RunOutcome } from './run-context.ts';
import { ASGI_SERVERS } from '../servers/uvicorn/uvicorn-profile.ts';
import { createAsgiDumpApp } from '../apps/asgi-dump-app.ts';
import { asgiRequestHop, asgiResponseHop, proxyRequestHop, proxyResponseHop } from './asgi-hops.ts';
import { expectsContinue } from './expects-continue.ts';
import { ownEntry } from '../own-entry.ts';
import { msg } from '../message.ts';
import { REFERENCE_SITE } from '../reference-site.ts';

/**
 * A web server proxying over HTTP to an ASGI server: the proxy's request, the scope and events the application
 * receives, the events it sends, the ASGI server's HTTP answer, and the web server relaying it to the client.
 */
export function runProxyAsgi(run: RunContext): RunOutcome {
  const { pipeline, server, request, hops } = run;
  const proxyEdge = pipeline.edges.find((edge) => edge.protocol === 'http' && edge.from !== 'client');
  const asgiEdge = pipeline.edges.find((edge) => edge.protocol === 'asgi');
  if (!proxyEdge || !asgiEdge || !server.proxy)
    throw new Error(`${pipeline.id} has no HTTP proxy hop to an ASGI server`);
  const upstream = ownEntry('server', ASGI_SERVERS, proxyEdge.to);
  const sent = server.proxy.request(request);
  hops.push(
    proxyRequestHop({
      from: proxyEdge.from,
      to: proxyEdge.to,
      raw: sent.raw,
      changes: sent.changes,
      provenance: server.provenance,
      address: `${REFERENCE_SITE.serverAddr}:${REFERENCE_SITE.upstreamPort}`,
    }),
  );
  const h11 = upstream.readRequest(sent.raw);
  let answer = upstream.badRequest();
  if (h11) {
    const { scope, fields } = upstream.scope(h11);
    const received = upstream.received(h11);
    const app = createAsgiDumpApp();
    hops.push(
      asgiRequestHop({
        from: asgiEdge.from,
        to: asgiEdge.to,
        scope,
        events: received,
        appName: app.name,
        provenance: upstream.provenance,
        changes: [
          { kind: 'decoded', to: 'path', message: msg('change.asgiPathDecoded') },
          { kind: 'renamed', to: 'headers', message: msg('change.asgiHeadersLowercased') },
        ],
      }),
    );
    const events = app.respond(fields, received);
    hops.push(asgiResponseHop({ from: asgiEdge.to, to: asgiEdge.from, events, provenance: upstream.provenance }));
    answer = upstream.respond(h11, events);
  }
  const relayed = server.proxy.response(answer);
  hops.push(
    proxyResponseHop({
      from: proxyEdge.to,
      to: proxyEdge.from,
      raw: answer,
      provenance: upstream.provenance,
      changes: [
        ...(h11 ? [] : [{ kind: 'rejected' as const, message: msg('change.h11Rejects', { server: upstream.label }) }]),
        ...relayed.changes,
      ],
    }),
  );
  return { response: server.finishResponse(relayed.response, request), continued: expectsContinue(request) };
}

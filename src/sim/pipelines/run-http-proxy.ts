import type { RunContext, RunOutcome } from './run-context.ts';
import { HTTP_APP_SERVERS } from '../servers/http-app-servers.ts';
import { ownEntry } from '../own-entry.ts';
import { REFERENCE_SITE } from '../reference-site.ts';
import { callApplication } from './call-application.ts';
import { proxyRequestHop, proxyResponseHop } from './hops.ts';
import { latin1 } from '../bytes.ts';

/**
 * A web server proxying over HTTP to an application server (the pipeline's edge from a module to another server
 * speaking `http`): the request the proxy builds, the application server's environ and answer, and what the proxy
 * makes of that answer for the client.
 */
export function runHttpProxy(run: RunContext): RunOutcome {
  const { pipeline, server, request } = run;
  const edge = pipeline.edges.find((candidate) => candidate.protocol === 'http' && candidate.from !== 'client');
  if (!edge || !server.proxy) throw new Error(`${pipeline.id} has no HTTP proxy edge or ${server.id} cannot proxy`);
  const upstream = ownEntry('server', HTTP_APP_SERVERS, edge.to);
  const proxied = server.proxy.request(request, {
    proxyHost: `${REFERENCE_SITE.serverAddr}:${REFERENCE_SITE.upstreamPort}`,
  });
  run.hops.push(
    proxyRequestHop({
      from: edge.from,
      to: edge.to,
      raw: latin1(proxied.raw),
      changes: proxied.changes,
      provenance: server.provenance,
    }),
  );
  const served = upstream.serve(proxied.raw, (environ, input, changes) =>
    callApplication(run, edge.to, environ, input, changes, upstream.provenance),
  );
  if (!served) return { response: server.errorResponse(502, request), continued: proxied.continued };
  const read = server.proxy.readResponse(served.raw, request.isHead);
  run.hops.push(
    proxyResponseHop({
      from: edge.to,
      to: edge.from,
      raw: latin1(served.raw),
      changes: [...served.changes, ...(read?.changes ?? [])],
      provenance: upstream.provenance,
    }),
  );
  const response = read ? server.finishResponse(read.response, request) : server.errorResponse(502, request);
  return { response, continued: proxied.continued };
}

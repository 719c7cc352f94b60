import type { RunContext, RunOutcome } from './run-context.ts';
import { HTTP_APP_SERVERS } from '../servers/http-app-servers.ts';
import { ownEntry } from '../own-entry.ts';
import { requireStage } from './stage-nodes.ts';
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
  const proxy = server.proxy;
  if (!proxy) throw new Error(`${server.label} does not proxy over HTTP`);
  const module = requireStage(pipeline, 'module').id;
  const edge = pipeline.edges.find((candidate) => candidate.protocol === 'http' && candidate.from === module);
  if (!edge) throw new Error(`${pipeline.id} has no HTTP edge from ${module}`);
  const upstream = ownEntry('server', HTTP_APP_SERVERS, edge.to);
  const proxied = proxy.request(request, {
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
  if (!served) return { response: server.errorResponse(502, request) };
  const read = proxy.readResponse(served.raw, request.isHead);
  const answer = proxyResponseHop({
    from: edge.to,
    to: edge.from,
    raw: latin1(served.raw),
    changes: [...served.changes, ...(read?.changes ?? [])],
    provenance: upstream.provenance,
  });
  // The configuration line behind a limit the application server refused the request for, if one set it.
  if (served.origins) answer.origins = served.origins;
  run.hops.push(answer);
  const response = read ? server.finishResponse(read.response, request) : server.errorResponse(502, request);
  return { response };
}

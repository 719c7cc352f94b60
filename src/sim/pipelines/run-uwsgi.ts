import type { RunContext, RunOutcome } from './run-context.ts';
import type { CgiResponse } from '../cgi/parse-cgi-response.ts';
import { uwsgiEnviron, uwsgiRefusal, uwsgiResponseBytes, UWSGI_PROVENANCE } from '../servers/uwsgi/uwsgi-server.ts';
import { describeUwsgiPacket } from '../uwsgi/describe-packet.ts';
import { UWSGI_MAX_SIZE } from '../uwsgi/packet.ts';
import { parseUpstreamHttpResponse } from '../http/parse-upstream-response.ts';
import { requireStage } from './stage-nodes.ts';
import { callApplication } from './call-application.ts';
import { uwsgiRequestHop, uwsgiResponseHop } from './hops.ts';
import { latin1 } from '../bytes.ts';

/** A web server's uwsgi client talking to uWSGI, which calls the WSGI application in one of its workers. */
export function runUwsgi(run: RunContext): RunOutcome {
  const { server, request, pipeline } = run;
  const client = server.uwsgi;
  if (!client) throw new Error(`${server.label} speaks no uwsgi`);
  const module = requireStage(pipeline, 'module').id;
  const gateway = requireStage(pipeline, 'gateway').id;
  const variables = client.variables(request);
  const packet = describeUwsgiPacket(variables.pairs, variables.body);
  // ngx_http_uwsgi_module.c (create_request): a vars block over 65535 bytes does not fit the 16-bit datasize, and
  // nginx fails the request ("uwsgi request is too big") before connecting. Its header limits keep real requests
  // below that (see FINDINGS.md).
  if (packet.datasize > UWSGI_MAX_SIZE) return { response: server.errorResponse(500, request) };
  const refusal = uwsgiRefusal(packet.datasize, packet.vars.length);
  run.hops.push(
    uwsgiRequestHop({
      from: module,
      to: gateway,
      packet,
      changes: refusal ? [...variables.changes, { kind: 'rejected', message: refusal }] : variables.changes,
      provenance: server.provenance,
    }),
  );
  // uWSGI hangs up without a byte (the recorder sees an empty answer): nginx answers 502 Bad Gateway.
  if (refusal) {
    run.hops.push(uwsgiResponseHop({ from: gateway, to: module, raw: '', provenance: UWSGI_PROVENANCE }));
    return { response: server.errorResponse(502, request) };
  }
  const { environ, changes } = uwsgiEnviron(packet.vars);
  const result = callApplication(run, gateway, environ, variables.body, changes, UWSGI_PROVENANCE);
  const raw = uwsgiResponseBytes(result, request.request.version);
  run.hops.push(uwsgiResponseHop({ from: gateway, to: module, raw: latin1(raw), provenance: UWSGI_PROVENANCE }));
  const parsed = parseUpstreamHttpResponse(raw);
  if (!parsed) return { response: server.errorResponse(502, request) };
  const upstream: CgiResponse = { kind: 'document', hasStatusField: true, ...parsed };
  return { response: client.finishResponse(upstream, request) };
}

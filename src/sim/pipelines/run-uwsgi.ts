import type { RunContext, RunOutcome } from './run-context.ts';
import type { CgiResponse } from '../cgi/parse-cgi-response.ts';
import { nginxUwsgiParams } from '../servers/nginx/nginx-uwsgi-params.ts';
import { uwsgiEnviron, uwsgiRefusal, uwsgiResponseBytes, UWSGI_PROVENANCE } from '../servers/uwsgi/uwsgi-server.ts';
import { describeUwsgiPacket } from '../uwsgi/describe-packet.ts';
import { UWSGI_MAX_SIZE } from '../uwsgi/packet.ts';
import { parseUpstreamHttpResponse } from '../http/parse-upstream-response.ts';
import { callApplication } from './call-application.ts';
import { expectsContinue } from './expects-continue.ts';
import { uwsgiRequestHop, uwsgiResponseHop } from './hops.ts';
import { latin1 } from '../bytes.ts';

const MODULE = 'ngx_http_uwsgi_module';
const GATEWAY = 'uwsgi';

/** nginx's uwsgi client talking to uWSGI, which calls the WSGI application. */
export function runUwsgi(run: RunContext): RunOutcome {
  const { server, request } = run;
  const variables = nginxUwsgiParams(request);
  const packet = describeUwsgiPacket(variables.pairs, variables.body);
  const continued = expectsContinue(request);
  // ngx_http_uwsgi_module.c (create_request): a vars block over 65535 bytes does not fit the 16-bit datasize, and
  // nginx fails the request ("uwsgi request is too big") before connecting. Its header limits keep real requests
  // far below that (see FINDINGS.md).
  if (packet.datasize > UWSGI_MAX_SIZE) return { response: server.errorResponse(500, request), continued: false };
  const refusal = uwsgiRefusal(packet.datasize, packet.vars.length);
  run.hops.push(
    uwsgiRequestHop({
      from: MODULE,
      to: GATEWAY,
      packet,
      changes: refusal ? [...variables.changes, { kind: 'rejected', message: refusal }] : variables.changes,
      provenance: server.provenance,
    }),
  );
  if (refusal) return { response: server.errorResponse(502, request), continued };
  const { environ, changes } = uwsgiEnviron(packet.vars);
  const result = callApplication(run, GATEWAY, environ, variables.body, changes, UWSGI_PROVENANCE);
  const raw = uwsgiResponseBytes(result, request.request.version);
  run.hops.push(uwsgiResponseHop({ from: GATEWAY, to: MODULE, raw: latin1(raw), provenance: UWSGI_PROVENANCE }));
  const parsed = parseUpstreamHttpResponse(raw);
  if (!parsed) return { response: server.errorResponse(502, request), continued };
  const upstream: CgiResponse = { kind: 'document', hasStatusField: true, ...parsed };
  return { response: server.finishResponse(upstream, request), continued };
}

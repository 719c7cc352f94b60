import { isShortBody } from '../servers/short-body.ts';
import type { RunContext, RunOutcome } from './run-context.ts';
import type { CgiResponse } from '../cgi/parse-cgi-response.ts';
import { uwsgiEnviron, uwsgiRefusal, uwsgiResponseBytes, UWSGI_PROVENANCE } from '../servers/uwsgi/uwsgi-server.ts';
import { describeUwsgiPacket } from '../uwsgi/describe-packet.ts';
import { UWSGI_MAX_SIZE } from '../uwsgi/packet.ts';
import { parseUpstreamHttpResponse } from '../http/parse-upstream-response.ts';
import { requireStage } from './stage-nodes.ts';
import { callApplication, enterApplication } from './call-application.ts';
import { uwsgiRequestHop, uwsgiResponseHop } from './hops.ts';
import { concatBytes, fromLatin1, latin1 } from '../bytes.ts';
import type { UpstreamAddress } from '../servers/upstream-failure.ts';
import { msg } from '../message.ts';
import { faultIs, markFailed, withLog, logLine } from '../faults/fault-hops.ts';
import type { WsgiRunResult } from '../wsgi/run-application.ts';
import type { LogLine } from '../trace.ts';
import { runUwsgiWsgi, UWSGI_RULES } from '../servers/uwsgi/uwsgi-wsgi.ts';
import { failUpstream } from '../faults/fail-upstream.ts';
import { FAULT_EXCEPTION, PYTHON_FAULT_FRAMES, SLOW_ANSWER } from '../apps/fault-apps.ts';
import {
  uwsgiAnswer,
  uwsgiRequestLog,
  uwsgiTraceback,
  UWSGI_LOG,
  UWSGI_NO_ANSWER,
  type UwsgiAnswer,
} from '../servers/uwsgi/uwsgi-log.ts';

/** Where nginx-uwsgi's nginx connects: `uwsgi_pass 127.0.0.1:{{UPSTREAM_PORT}}`. */
const UWSGI_UPSTREAM: UpstreamAddress = { scheme: 'uwsgi', uri: '' };

/** The first header line after the status line that is no `name: value` line (nginx's parser stops there). */
function badHeaderLine(raw: Uint8Array): string | null {
  const lines = (latin1(raw).split('\r\n\r\n', 1)[0] ?? '').split('\r\n').slice(1);
  return lines.find((line) => !/^[^\x00-\x20\x7f:]+:/.test(line)) ?? null;
}

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
  const requestHop = uwsgiRequestHop({
    from: module,
    to: gateway,
    packet,
    changes: refusal ? [...variables.changes, { kind: 'rejected', message: refusal }] : variables.changes,
    provenance: server.provenance,
  });
  run.hops.push(requestHop);
  if (faultIs(run, 'backend-down')) return failUpstream(run, requestHop, { kind: 'refused' }, UWSGI_UPSTREAM);
  // uWSGI hangs up without a byte (the recorder sees an empty answer): nginx answers 502 Bad Gateway.
  if (refusal) {
    run.hops.push(uwsgiResponseHop({ from: gateway, to: module, raw: '', provenance: UWSGI_PROVENANCE }));
    return { response: server.errorResponse(502, request) };
  }
  const { environ, changes } = uwsgiEnviron(packet.vars);
  const requestLog = (answer: UwsgiAnswer) => uwsgiRequestLog(packet, answer);
  if (faultIs(run, 'app-exception')) {
    const hop = enterApplication(run, gateway, environ, variables.body, changes, UWSGI_PROVENANCE);
    // uWSGI prints the traceback, logs the request as a 500 and closes the socket without writing anything.
    return failUpstream(run, hop, { kind: 'closed' }, UWSGI_UPSTREAM, {
      failed: msg('fault.appRaises', { exception: FAULT_EXCEPTION.python }),
      before: [...uwsgiTraceback(PYTHON_FAULT_FRAMES.wsgiException), requestLog(UWSGI_NO_ANSWER)],
    });
  }
  if (faultIs(run, 'app-timeout')) {
    const hop = enterApplication(run, gateway, environ, variables.body, changes, UWSGI_PROVENANCE);
    // uWSGI logs the request only when the application has answered, to a socket nginx has closed by then: the
    // line comes after nginx's 504 (seen in the fault capture, which waits for the slow application).
    const late = uwsgiAnswer(fromLatin1(SLOW_ANSWER.head), SLOW_ANSWER.body.length);
    return failUpstream(run, hop, { kind: 'timeout' }, UWSGI_UPSTREAM, { after: [requestLog(late)] });
  }
  const result = callApplication(run, gateway, environ, variables.body, changes, UWSGI_PROVENANCE, UWSGI_RULES);
  // uWSGI answers in the packet's SERVER_PROTOCOL, HTTP/1.0 when nginx sent it empty (an HTTP/0.9 request).
  const protocol = request.request.version === 'HTTP/0.9' ? 'HTTP/1.0' : request.request.version;
  if (!run.fault) return answerThroughUwsgi(run, result, gateway, module, requestLog, protocol);
  const raw = uwsgiResponseBytes(result, protocol);
  const responseHop = uwsgiResponseHop({ from: gateway, to: module, raw: latin1(raw), provenance: UWSGI_PROVENANCE });
  run.hops.push(responseHop);
  const parsed = parseUpstreamHttpResponse(raw);
  if (run.fault) {
    const line = badHeaderLine(raw);
    if (line !== null)
      return failUpstream(run, responseHop, { kind: 'invalid-header', line }, UWSGI_UPSTREAM, {
        before: [requestLog(uwsgiAnswer(raw.subarray(0, raw.length - result.body.length), result.body.length))],
      });
  }
  if (!parsed) return { response: server.errorResponse(502, request) };
  const upstream: CgiResponse = { kind: 'document', hasStatusField: true, ...parsed };
  return { response: client.finishResponse(upstream, request) };
}

/**
 * uWSGI's answer to any result (`runUwsgiWsgi`), what nginx makes of it, and uWSGI's log: an empty answer is
 * nginx's 502 (premature close), a body without a header section an invalid header (502), else the answer.
 */
function answerThroughUwsgi(
  run: RunContext,
  result: WsgiRunResult,
  gateway: string,
  module: string,
  requestLog: (answer: UwsgiAnswer) => LogLine,
  protocol: string,
): RunOutcome {
  const { server, request } = run;
  const out = runUwsgiWsgi(result, protocol);
  const head = out.head ?? new Uint8Array(0);
  const bodyBytes = concatBytes(out.body);
  const raw = concatBytes([head, bodyBytes]);
  const counted = out.head
    ? { ...uwsgiAnswer(out.head, bodyBytes.length), switches: out.switches }
    : { ...UWSGI_NO_ANSWER, bodyBytes: bodyBytes.length, switches: out.switches };
  const log = [...out.log.map((line) => logLine('uwsgi', UWSGI_LOG, line)), requestLog(counted)];
  const responseHop = uwsgiResponseHop({ from: gateway, to: module, raw: latin1(raw), provenance: UWSGI_PROVENANCE });
  run.hops.push(responseHop);
  const failed =
    out.failure === null
      ? null
      : out.cut
        ? msg('wsgi.gatewayCut', { exception: out.failure, bytes: bodyBytes.length })
        : result.raised?.where === 'close'
          ? msg('wsgi.closeRaised', { exception: out.failure })
          : msg('wsgi.gatewayErrorPage', { exception: out.failure });
  if (out.empty)
    return failUpstream(run, responseHop, { kind: 'closed' }, UWSGI_UPSTREAM, {
      before: log,
      ...(failed ? { failed } : {}),
    });
  if (!out.head)
    return failUpstream(
      run,
      responseHop,
      { kind: 'invalid-header', line: latin1(raw).split('\n', 1)[0] ?? '' },
      UWSGI_UPSTREAM,
      { before: log, ...(failed ? { failed } : {}) },
    );
  const parsed = parseUpstreamHttpResponse(raw);
  const failures = server.upstreamFailures;
  const closing =
    parsed && !request.isHead && isShortBody(parsed) && failures?.shortBody
      ? failures.shortBody(request, UWSGI_UPSTREAM)
      : [];
  if (failed) markFailed(responseHop, failed, [...log, ...closing]);
  else withLog(responseHop, [...log, ...closing]);
  if (!parsed) return { response: server.errorResponse(502, request) };
  const upstream: CgiResponse = { kind: 'document', hasStatusField: true, ...parsed };
  return { response: server.uwsgi?.finishResponse(upstream, request) ?? server.errorResponse(502, request) };
}

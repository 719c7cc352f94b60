import type { RunContext, RunOutcome } from './run-context.ts';
import { wsgiResultAsResponse } from '../servers/python/wsgi-result-response.ts';
import { callApplication } from './call-application.ts';
import { appFault, callFailingApplication } from './call-failing-application.ts';
import { markFailed, withLog } from '../faults/fault-hops.ts';

/** A Python WSGI server that speaks HTTP itself and calls the application directly. */
export function runWsgiServer(run: RunContext): RunOutcome {
  const { server, request } = run;
  const host = server.wsgi;
  if (!host) throw new Error(`${server.label} calls no WSGI application itself`);
  const first = host.answerFirst?.(request);
  if (first) return { response: first };
  const { environ, changes } = host.environ(request);
  const fault = appFault(run);
  if (fault) {
    // The application runs in the server's own process: what it raises or returns is the server's to handle.
    const raised = fault === 'app-exception' ? host.raised(request) : null;
    const result = callFailingApplication(
      run,
      fault,
      server.id,
      environ,
      request.request.body,
      changes,
      server.provenance,
      {
        log: raised?.log ?? [],
      },
    );
    if (raised || !result) return { response: raised?.response ?? server.errorResponse(500, request) };
    const response = server.finishResponse(wsgiResultAsResponse(result), request);
    const answer = run.hops[run.hops.length - 1];
    if (answer) withLog(answer, host.answered(request, response));
    return { response };
  }
  const result = callApplication(run, server.id, environ, request.request.body, changes, server.provenance, host.rules);
  if (host.respond) {
    const answer = host.respond(result, request);
    const hop = run.hops[run.hops.length - 1];
    if (hop) {
      if (answer.failed) markFailed(hop, answer.failed, answer.log);
      else withLog(hop, answer.log);
    }
    return { response: answer.response };
  }
  return { response: server.finishResponse(wsgiResultAsResponse(result), request) };
}

import type { RunContext, RunOutcome } from './run-context.ts';
import { wsgiResultAsResponse } from '../servers/python/wsgi-result-response.ts';
import { callApplication } from './call-application.ts';

/** A Python WSGI server that speaks HTTP itself and calls the application directly. */
export function runWsgiServer(run: RunContext): RunOutcome {
  const { server, request } = run;
  const host = server.wsgi;
  if (!host) throw new Error(`${server.label} calls no WSGI application itself`);
  const first = host.answerFirst?.(request);
  if (first) return { response: first };
  const { environ, changes } = host.environ(request);
  const result = callApplication(run, server.id, environ, request.request.body, changes, server.provenance);
  return { response: server.finishResponse(wsgiResultAsResponse(result), request) };
}

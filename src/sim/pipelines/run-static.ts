import type { RunContext, RunOutcome } from './run-context.ts';

/** The web server answers from its document root; nothing is forwarded. */
export function runStatic(run: RunContext): RunOutcome {
  // Apache answers 404 for a path that decodes to a NUL byte.
  if (run.server.id === 'apache2' && /%00/.test(run.request.target.path))
    return { response: run.server.errorResponse(404, run.request), continued: false };
  return { response: run.server.serveStatic(run.request), continued: false };
}

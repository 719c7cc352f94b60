import type { RunContext, RunOutcome } from './run-context.ts';

/** The web server answers from its document root; nothing is forwarded. */
export function runStatic(run: RunContext): RunOutcome {
  return { response: run.server.serveStatic(run.request) };
}

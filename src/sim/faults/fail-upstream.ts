import type { Hop, LogLine, Message } from '../trace.ts';
import type { RunContext, RunOutcome } from '../pipelines/run-context.ts';
import type { UpstreamAddress, UpstreamFailure } from '../servers/upstream-failure.ts';
import { markFailed } from './fault-hops.ts';

/**
 * Ends a run where the web server's upstream failed: the server's reaction (its profile's `upstreamFailures`)
 * marks `hop` as the failed one, with `before` (lines other programs wrote first) and the server's own log lines,
 * and gives the client's answer. `failed` replaces the server's account of the failure when the hop is better
 * described by what happened at its far end (the application raised).
 */
export function failUpstream(
  run: RunContext,
  hop: Hop,
  failure: UpstreamFailure,
  upstream: UpstreamAddress,
  options: { before?: readonly LogLine[]; failed?: Message } = {},
): RunOutcome {
  const failures = run.server.upstreamFailures;
  if (!failures) throw new Error(`${run.server.label} has no model of an upstream failure`);
  const answer = failures.fail(failure, run.request, upstream, run.fault?.node ?? hop.to);
  markFailed(hop, options.failed ?? answer.failed, [...(options.before ?? []), ...answer.log]);
  return { response: answer.response };
}

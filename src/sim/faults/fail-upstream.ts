import type { Hop, LogLine, Message } from '../trace.ts';
import type { RunContext, RunOutcome } from '../pipelines/run-context.ts';
import type { UpstreamAddress, UpstreamFailure } from '../servers/upstream-failure.ts';
import { markFailed } from './fault-hops.ts';
import { msg } from '../message.ts';
import { REFERENCE_SITE } from '../reference-site.ts';

/**
 * Ends a run where the web server's upstream failed: the server's reaction (its profile's `upstreamFailures`)
 * marks `hop` as the failed one, with `before` (lines other programs wrote first), the server's own log lines and
 * `after` (lines written once the client has its answer: a slow application returning at last),
 * and gives the client's answer. `failed` replaces the server's account of the failure when the hop is better
 * described by what happened at its far end (the application raised).
 */
export function failUpstream(
  run: RunContext,
  hop: Hop,
  failure: UpstreamFailure,
  upstream: UpstreamAddress,
  options: { before?: readonly LogLine[]; after?: readonly LogLine[]; failed?: Message } = {},
): RunOutcome {
  const failures = run.server.upstreamFailures;
  if (!failures) throw new Error(`${run.server.label} has no model of an upstream failure`);
  const node = run.fault?.node ?? hop.to;
  const memory = run.faultMemory;
  // A server that took the backend out of service after a refused connect() answers at once on the next request.
  const disabled =
    failure.kind === 'refused' && memory?.backendDisabled ? failures.disabled?.(run.request, node) : undefined;
  const answer = disabled ?? failures.fail(failure, run.request, upstream, node);
  if (failure.kind === 'refused' && memory && failures.disabled) memory.backendDisabled = true;
  markFailed(hop, options.failed ?? answer.failed, [
    ...(options.before ?? []),
    ...answer.log,
    ...(options.after ?? []),
  ]);
  // The bytes on a refused connection's hop were made but never sent: the narration says what happened instead.
  if (failure.kind === 'refused')
    hop.narration = msg('narration.faultRefused', {
      from: hop.from,
      to: hop.to,
      address: `${REFERENCE_SITE.serverAddr}:${REFERENCE_SITE.upstreamPort}`,
    });
  return { response: answer.response };
}

import type { Hop, LogLine, Message } from '../trace.ts';
import type { RunContext } from '../pipelines/run-context.ts';
import type { FaultId } from './fault-ids.ts';

/** A line a node writes to an error log (`file`: where the reference configuration sends that node's log). */
export function logLine(node: string, file: string, line: string): LogLine {
  return { node, file, line };
}

/** The hop where the fault happened: what failed there, and the log lines written meanwhile. */
export function markFailed<H extends Hop>(hop: H, failed: Message, log: readonly LogLine[] = []): H {
  hop.failed = failed;
  return log.length > 0 ? withLog(hop, log) : hop;
}

/** Adds log lines to a hop (after those it has): lines a server writes while that hop happens. */
export function withLog<H extends Hop>(hop: H, log: readonly LogLine[]): H {
  if (log.length > 0) hop.log = [...(hop.log ?? []), ...log];
  return hop;
}

/** The injected fault's id when it is `id` (a runner's question: "is the backend down in this run?"). */
export function faultIs(run: Pick<RunContext, 'fault'>, id: FaultId): boolean {
  return run.fault?.id === id;
}

/** Whether some hop of the trace is the one where the fault happened. */
export function faultHappened(hops: readonly Hop[]): boolean {
  return hops.some((hop) => hop.failed !== undefined);
}

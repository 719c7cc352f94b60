import type { Trace } from '../../src/sim/index.ts';
import { describeDifference, firstResponse } from './compare-trace.ts';
import type { FaultCapture } from './run-fault.ts';
import { isSometimesLogged, maskLogLine, maskVolatile } from './volatile.ts';

/** One log file's lines, in the order written. */
type LogsByFile = Record<string, string[]>;

/**
 * Differences between what the real servers did when a fault was injected (the first request of the fault
 * capture) and the simulator's trace with that fault: the trace names the fault, a hop says what failed, the
 * response to the first request is the same byte for byte, and each log file got the same lines in the same
 * order (the trace's lines are its hops' `log` entries in hop order). Volatile values are masked on both sides
 * (`VOLATILE.headers`, `VOLATILE.logs`), and the lines of `VOLATILE.logsSometimes` are left out. Lines of different files are not ordered against each other: the suite
 * reads each file after the request, so only the order within a file is known.
 */
export function compareFaultTraceWithCapture(trace: Trace, capture: FaultCapture): string[] {
  const [first] = capture.exchanges;
  if (!first) return ['the capture has no exchange'];
  const differences: string[] = [];
  if (trace.fault?.id !== capture.fault) {
    differences.push(`fault: real ${capture.fault}, simulated ${trace.fault?.id ?? 'none'}`);
  }
  if (!trace.hops.some((hop) => hop.failed !== undefined))
    differences.push('failed: no hop of the trace says what failed');
  const real = maskVolatile(firstResponse(first.response.raw));
  const simulated = maskVolatile(firstResponse(trace.response.raw));
  if (real !== simulated) differences.push(describeDifference('response', real, simulated));
  const realLogs = byFile(first.log);
  const simulatedLogs = byFile(trace.hops.flatMap((hop) => hop.log ?? []));
  for (const file of [...new Set([...Object.keys(realLogs), ...Object.keys(simulatedLogs)])].sort()) {
    const [want, got] = [realLogs[file] ?? [], simulatedLogs[file] ?? []];
    if (JSON.stringify(want) !== JSON.stringify(got)) differences.push(describeDifference(`log ${file}`, want, got));
  }
  return differences;
}

function byFile(lines: readonly { file: string; line: string }[]): LogsByFile {
  const files: LogsByFile = {};
  for (const { file, line } of lines) if (!isSometimesLogged(line)) (files[file] ??= []).push(maskLogLine(line));
  return files;
}

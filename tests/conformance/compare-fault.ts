import type { Trace } from '../../src/sim/index.ts';
import { describeDifference, firstResponse } from './compare-trace.ts';
import type { FaultCapture } from './run-fault.ts';
import { isSometimesLogged, maskLogLine, maskVolatile } from './volatile.ts';

/** One log file's lines, in the order written. */
type LogsByFile = Record<string, string[]>;

/**
 * Differences between what the real servers did when a fault was injected (the first request of the fault
 * capture) and the simulator's trace with that fault: the trace names the fault, a hop says what failed (into or
 * out of the failing node, but for a bad response), the
 * response to the first request is the same byte for byte, and each log file got the same lines in the same
 * order (the trace's lines are its hops' `log` entries in hop order). Volatile values are masked on both sides
 * (`VOLATILE.headers`, `VOLATILE.logs`), and the lines of `VOLATILE.logsSometimes` are left out. Lines of different files are not ordered against each other: the suite
 * reads each file after the request, so only the order within a file is known. Where the capture sent the request
 * twice, the trace says what the second one gets (`Trace.fault.again`) when it differs from the first (a backend
 * marked down), and may say it otherwise; what it says is compared the same way.
 */
export function compareFaultTraceWithCapture(trace: Trace, capture: FaultCapture): string[] {
  const [first] = capture.exchanges;
  if (!first) return ['the capture has no exchange'];
  const differences: string[] = [];
  if (trace.fault?.id !== capture.fault) {
    differences.push(`fault: real ${capture.fault}, simulated ${trace.fault?.id ?? 'none'}`);
  }
  const failedHops = trace.hops.filter((hop) => hop.failed !== undefined);
  if (failedHops.length === 0) differences.push('failed: no hop of the trace says what failed');
  // The contract: the hop into the failing node (or out of it) is the one drawn as failed. A bad response is drawn
  // where it cannot be parsed, which may be further on (nginx reading what uWSGI relayed from the application).
  const node = capture.fault === 'bad-response' ? undefined : trace.fault?.node;
  if (node && failedHops.length > 0 && !failedHops.some((hop) => hop.to === node || hop.from === node)) {
    differences.push(`failed: no failed hop goes into or out of ${node}, the node the fault is at`);
  }
  const real = maskVolatile(firstResponse(first.response.raw));
  const simulated = maskVolatile(firstResponse(trace.response.raw));
  if (real !== simulated) differences.push(describeDifference('response', real, simulated));
  differences.push(
    ...compareLogs(
      'log',
      first.log,
      trace.hops.flatMap((hop) => hop.log ?? []),
    ),
  );
  // A second request (a server that remembers the failure): compared when the trace says what it gets.
  const [, second] = capture.exchanges;
  const again = trace.fault?.again;
  const differently =
    second !== undefined &&
    (maskVolatile(second.response.raw) !== maskVolatile(first.response.raw) ||
      JSON.stringify(byFile(second.log)) !== JSON.stringify(byFile(first.log)));
  if (differently && !again) {
    differences.push(
      'again: the server answers the same request differently right after; the trace has no fault.again',
    );
  }
  if (second && again) {
    const [want, got] = [maskVolatile(firstResponse(second.response.raw)), maskVolatile(firstResponse(again.response))];
    if (want !== got) differences.push(describeDifference('again.response', want, got));
    differences.push(...compareLogs('again.log', second.log, again.log));
  }
  return differences;
}

/** Each file's lines in order, masked; files in name order. */
function compareLogs(key: string, real: readonly LogEntry[], simulated: readonly LogEntry[]): string[] {
  const [realLogs, simulatedLogs] = [byFile(real), byFile(simulated)];
  return [...new Set([...Object.keys(realLogs), ...Object.keys(simulatedLogs)])].sort().flatMap((file) => {
    const [want, got] = [realLogs[file] ?? [], simulatedLogs[file] ?? []];
    return JSON.stringify(want) === JSON.stringify(got) ? [] : [describeDifference(`${key} ${file}`, want, got)];
  });
}

interface LogEntry {
  file: string;
  line: string;
}

function byFile(lines: readonly LogEntry[]): LogsByFile {
  const files: LogsByFile = {};
  for (const { file, line } of lines) if (!isSometimesLogged(line)) (files[file] ??= []).push(maskLogLine(line));
  return files;
}

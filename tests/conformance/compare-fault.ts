import type { Trace } from '../../src/sim/index.ts';
import { describeDifference, firstResponse } from './compare-trace.ts';
import { measureResponses } from './response-framing.ts';
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
 * reads each file after the request, so only the order within a file is known. `compareFaultRun` adds the
 * second request where the server answered it differently.
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

/**
 * The simulator against a fault capture: the trace of the request, and where the capture's second request was
 * answered differently from the first (lighttpd's backend disabled after the refusal, answered 503 without a try and
 * without a log line), the trace of the request sent twice, whose second response and second request's log lines
 * are compared with the second exchange. (The suite sends the second request on a new connection; servers that
 * remember a failure remember it for every connection.)
 */
export function compareFaultRun(
  pipeline: string,
  request: Uint8Array,
  capture: FaultCapture,
  run: (bytes: Uint8Array) => Trace,
): string[] {
  const differences = compareFaultTraceWithCapture(run(request), capture);
  const [first, second] = capture.exchanges;
  if (!first || !second || sameExchange(first, second)) return differences;
  const twice = run(Buffer.concat([request, request]));
  const ends = measureResponses(Buffer.from(twice.response.raw, 'latin1'), 'GET').ends;
  const secondResponse = twice.response.raw.slice(ends[0] ?? twice.response.raw.length, ends[1]);
  const want = maskVolatile(firstResponse(second.response.raw));
  const got = maskVolatile(firstResponse(secondResponse));
  if (want !== got) differences.push(describeDifference('second request: response', want, got));
  const starts = twice.hops.flatMap((hop, index) =>
    hop.from === 'client' && hop.direction === 'request' ? [index] : [],
  );
  const secondHops = starts[1] === undefined ? [] : twice.hops.slice(starts[1]);
  if (secondHops.length === 0) differences.push(`second request: the trace of ${pipeline} has no second request`);
  differences.push(
    ...compareLogs(
      'second request: log',
      second.log,
      secondHops.flatMap((hop) => hop.log ?? []),
    ),
  );
  return differences;
}

function sameExchange(first: FaultCapture['exchanges'][number], second: FaultCapture['exchanges'][number]): boolean {
  return (
    maskVolatile(first.response.raw) === maskVolatile(second.response.raw) &&
    JSON.stringify(byFile(first.log)) === JSON.stringify(byFile(second.log))
  );
}

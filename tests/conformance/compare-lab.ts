import type { Trace } from '../../src/sim/index.ts';
import type { LabRunResult } from '../../src/lab/lab-protocol.ts';
import { recordedApplication } from '../../src/sim/wsgi/recorded-application.ts';
import { tracePipeline } from '../../src/sim/pipelines/trace-pipeline.ts';
import { partsOf } from '../../src/sim/pipelines/static-parts.ts';
import { describeDifference, firstResponse } from './compare-trace.ts';
import type { LabCapture } from './run-lab-app.ts';
import { isSometimesLogged, maskLogLine, maskVolatile } from './volatile.ts';

/** The prefixes a log line carries before its text (Apache's `[time] [module:level] [pid] [client]`). */
const LOG_PREFIX = /^(?:\[[^\]]*\] )+/;

/**
 * Whether a log line is a frame of a traceback (`  File "…", line N, in f`, the source line under it, the carets):
 * left out of the comparison on both sides. The real traceback names the server's own frames and
 * /srv/hop/app/dump_wsgi.py; the lab's names the reader's file, and the gateway's frames are not modelled.
 */
export function isTracebackFrame(line: string): boolean {
  return /^ {2}/.test(line.replace(LOG_PREFIX, ''));
}

/** Each file's lines in order, masked, frames and occasional lines left out. */
function byFile(lines: readonly { file: string; line: string }[]): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const { file, line } of lines) {
    if (isSometimesLogged(line) || isTracebackFrame(line)) continue;
    const list = files.get(file) ?? [];
    list.push(maskLogLine(line));
    files.set(file, list);
  }
  return files;
}

/**
 * The simulator's trace of a request through a pipeline with the lab's recorded result in the application's place
 * (what crossed the gateway's boundary, the exception, wsgi.errors), replayed through `recordedApplication`.
 */
export function labTrace(pipeline: string, request: Uint8Array, result: LabRunResult): Trace {
  if (!result.ok) throw new Error(`the harness did not run the code: ${result.error.kind}: ${result.error.message}`);
  const [boundary] = result.boundaries;
  if (!boundary) throw new Error('the harness recorded no boundary');
  const app = recordedApplication('app:application', boundary, result.exception, result.errors);
  return tracePipeline(partsOf(pipeline), request, { id: 'plain', create: () => app });
}

/**
 * Differences between what the real servers did with a lab application and the simulator's trace of the same
 * code: the first response byte for byte (volatile values masked), and each log file's lines in order, without
 * traceback frames.
 */
export function compareLabTrace(trace: Trace, capture: LabCapture): string[] {
  const [first] = capture.exchanges;
  if (!first) return ['the capture has no exchange'];
  const differences: string[] = [];
  const real = maskVolatile(firstResponse(first.response.raw));
  const simulated = maskVolatile(firstResponse(trace.response.raw));
  if (real !== simulated) differences.push(describeDifference('response', real, simulated));
  const [want, got] = [byFile(first.log), byFile(trace.hops.flatMap((hop) => hop.log ?? []))];
  for (const file of [...new Set([...want.keys(), ...got.keys()])].sort()) {
    const [a, b] = [want.get(file) ?? [], got.get(file) ?? []];
    if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(describeDifference(`log ${file}`, a, b));
  }
  return differences;
}

import type { Trace } from '../../src/sim/index.ts';
import { labEnviron } from '../../src/sim/lab/lab-environ.ts';
import { runLab } from '../../src/sim/lab/run-lab.ts';
import { labRequest, runHarness } from '../unit/lab/run-harness.ts';
import { describeDifference, firstResponse } from './compare-trace.ts';
import type { LabCapture } from './run-lab-app.ts';
import { isSometimesLogged, maskLogLine, maskVolatile } from './volatile.ts';

/**
 * The prefixes a log line carries before its text: Apache's `[time] [module:level] [pid] [client]`, and
 * mod_python's `PythonHandler mod_python.wsgi: ` in front of each traceback entry, lighttpd's `time: (file.c.N)
 * FastCGI-stderr:` in front of each line a FastCGI application wrote to STDERR.
 */
const LOG_PREFIX =
  /^(?:(?:\[[^\]]*\] )+(?:PythonHandler [\w.]+: )?|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d: \([^)]*\) FastCGI-stderr:)/;

/**
 * Whether a log line is a frame of a traceback (`  File "…", line N, in f`, the source line under it, the carets):
 * left out of the comparison on both sides. The real traceback names the server's own frames and
 * /srv/hop/app/dump_wsgi.py; the lab's names the reader's file, and the gateway's frames are not modelled.
 */
export function isTracebackFrame(line: string): boolean {
  return /^ {2}/.test(line.replace(LOG_PREFIX, ''));
}

/**
 * A log line that holds a whole traceback with its line ends escaped (mod_proxy_fcgi's `AH01071: Got error
 * '…\\n  File "…"…'`), without the frames in it, as `isTracebackFrame` leaves out separate frame lines.
 */
function withoutEscapedFrames(line: string): string {
  return line
    .split('\\n')
    .filter((segment, index) => index === 0 || !/^ {2}/.test(segment))
    .join('\\n');
}

/** Each file's lines in order, masked, frames and occasional lines left out. */
function byFile(lines: readonly { file: string; line: string }[]): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const { file, line } of lines) {
    if (isSometimesLogged(line) || isTracebackFrame(line)) continue;
    const list = files.get(file) ?? [];
    list.push(withoutEscapedFrames(maskLogLine(line)));
    files.set(file, list);
  }
  return files;
}

/**
 * A response with its chunked body decoded: the head, the data, and whether the last chunk came. Where chunks
 * fall depends on how the gateway's writes meet the web server's reads (mod_wsgi's daemon answered a generator's
 * two items as one chunk in one run and two in the next), so the comparison holds the bytes, not the boundaries.
 */
export function unchunked(raw: string): string {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0 || !/\r\ntransfer-encoding: chunked\r\n/i.test(`${raw.slice(0, end)}\r\n`)) return raw;
  let rest = raw.slice(end + 4);
  let data = '';
  for (;;) {
    const line = /^([0-9a-fA-F]+)[^\r\n]*\r\n/.exec(rest);
    if (!line?.[1]) return `${raw.slice(0, end + 4)}${data}[chunked, no last chunk]${rest}`;
    const size = Number.parseInt(line[1], 16);
    if (size === 0) return `${raw.slice(0, end + 4)}${data}[chunked, last chunk]${rest.slice(line[0].length)}`;
    data += rest.slice(line[0].length, line[0].length + size);
    rest = rest.slice(line[0].length + size + 2);
  }
}

/**
 * The lab end to end for one application and request: the environ the pipeline's gateway builds (`labEnviron`),
 * the code run by the lab's harness under /usr/bin/python3 with that gateway's rules, its result replayed through
 * the pipeline (`runLab`).
 */
export function labTrace(pipeline: string, request: Uint8Array, source: string): Trace {
  const entry = labEnviron(pipeline, request);
  if (!entry.reached) throw new Error(`${pipeline}: the request does not reach the application`);
  const result = runHarness(
    labRequest(source, [], { environ: entry.environ, input: entry.input, gateway: entry.gateway }),
  );
  return runLab(pipeline, request, result);
}

/**
 * Differences between what the real servers did with a lab application and the simulator's trace of the same
 * code: the first response byte for byte (volatile values masked; a chunked body by its data, see `unchunked`), and
 * each log file's lines in order, without traceback frames.
 */
export function compareLabTrace(trace: Trace, capture: LabCapture): string[] {
  const [first] = capture.exchanges;
  if (!first) return ['the capture has no exchange'];
  const differences: string[] = [];
  const real = unchunked(maskVolatile(firstResponse(first.response.raw)));
  const simulated = unchunked(maskVolatile(firstResponse(trace.response.raw)));
  if (real !== simulated) differences.push(describeDifference('response', real, simulated));
  const [want, got] = [byFile(first.log), byFile(trace.hops.flatMap((hop) => hop.log ?? []))];
  for (const file of [...new Set([...want.keys(), ...got.keys()])].sort()) {
    const [a, b] = [want.get(file) ?? [], got.get(file) ?? []];
    if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(describeDifference(`log ${file}`, a, b));
  }
  return differences;
}

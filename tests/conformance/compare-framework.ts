import type { Trace } from '../../src/sim/index.ts';
import type { CapturedResponse } from './build-capture.ts';
import { measureResponses } from './response-framing.ts';
import { maskVolatile } from './volatile.ts';

/**
 * The differences between what a framework example application answered behind the real server
 * (`capture.frameworks[name]`) and the simulator's trace with that application: the response to the first request
 * (status line, headers in order with their values, body), after masking the values of src/sim/volatile.ts on both
 * sides (dates, session ids, signed cookies' timestamps and signatures). An empty list means they agree.
 */
export function compareFrameworkResponse(trace: Trace, captured: CapturedResponse): string[] {
  const real = maskVolatile(firstResponse(captured.raw));
  const simulated = maskVolatile(firstResponse(trace.response.raw));
  if (real === simulated) return [];
  const [realHead = '', realBody = ''] = splitHead(real);
  const [simHead = '', simBody = ''] = splitHead(simulated);
  const realLines = realHead.split('\r\n');
  const simLines = simHead.split('\r\n');
  const differences: string[] = [];
  if (realLines[0] !== simLines[0])
    differences.push(`status line: real ${show(realLines[0])}, simulated ${show(simLines[0])}`);
  const count = Math.max(realLines.length, simLines.length);
  for (let index = 1; index < count; index += 1) {
    if (realLines[index] !== simLines[index])
      differences.push(`header ${index}: real ${show(realLines[index])}, simulated ${show(simLines[index])}`);
  }
  if (realBody !== simBody) differences.push(`body: real ${show(realBody)}, simulated ${show(simBody)}`);
  return differences.length > 0 ? differences : [`response: real ${show(real)}, simulated ${show(simulated)}`];
}

function firstResponse(raw: string): string {
  const end = measureResponses(Buffer.from(raw, 'latin1'), 'GET').ends[0];
  return end === undefined ? raw : raw.slice(0, end);
}

function splitHead(response: string): [string, string] {
  const at = response.indexOf('\r\n\r\n');
  return at < 0 ? [response, ''] : [response.slice(0, at), response.slice(at + 4)];
}

const MAX = 160;

function show(text: string | undefined): string {
  if (text === undefined) return 'nothing';
  const json = JSON.stringify(text);
  return json.length > MAX ? `${json.slice(0, MAX)}…` : json;
}

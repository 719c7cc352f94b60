/** Compares what two pipelines handed the application for the same request, and what the client got back. */
import type { Hop, Pair, Trace } from '../sim/index.ts';
import { httpParts } from './http-parts.ts';
import { hopVariables } from '../sim/hop-variables.ts';

/** One difference between two traces. Undefined means "absent on that side". */
export interface Difference {
  /** A variable name, or "status" / "response: <header>". */
  key: string;
  a: string | undefined;
  b: string | undefined;
}

/** The last request-direction hop's name–value data: what the application (or script) finally received. */
export function appFacingPairs(trace: Trace): Pair[] {
  const requestHops = trace.hops.filter((hop: Hop) => hop.direction === 'request');
  for (const hop of requestHops.reverse()) {
    if (hop.protocol !== 'http') return hopVariables(hop);
  }
  return [];
}

function toMap(pairs: readonly Pair[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of pairs) map.set(name, map.has(name) ? `${map.get(name) ?? ''}, ${value}` : value);
  return map;
}

function responsePairs(raw: string): Pair[] {
  const pairs: Pair[] = [];
  for (const part of httpParts(raw)) {
    if (part.kind === 'status') pairs.push(['status', part.text]);
    if (part.kind === 'header' && part.name && !/^(date|server)$/i.test(part.name)) {
      pairs.push([`response: ${part.name}`, part.value ?? '']);
    }
  }
  return pairs;
}

/** Lists every key whose value differs between the two traces (application-facing data first, then the response). */
export function compareTraces(a: Trace, b: Trace): Difference[] {
  const differences: Difference[] = [];
  for (const [left, right] of [
    [appFacingPairs(a), appFacingPairs(b)],
    [responsePairs(a.response.raw), responsePairs(b.response.raw)],
  ] as const) {
    const mapA = toMap(left);
    const mapB = toMap(right);
    const keys = [...new Set([...mapA.keys(), ...mapB.keys()])];
    for (const key of keys) {
      const valueA = mapA.get(key);
      const valueB = mapB.get(key);
      if (valueA !== valueB) differences.push({ key, a: valueA, b: valueB });
    }
  }
  return differences;
}

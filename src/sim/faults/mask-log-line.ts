import { VOLATILE } from '../volatile.ts';

const PATTERNS = Object.values(VOLATILE.logs).map(({ pattern, fixed }) => [new RegExp(pattern, 'g'), fixed] as const);

/**
 * An error-log line with its volatile parts (time, process ids, connection numbers) replaced by the fixed values of
 * `VOLATILE.logs`, in order: what the conformance suite does to captured lines before comparing them.
 */
export function maskLogLine(line: string): string {
  let masked = line;
  for (const [pattern, fixed] of PATTERNS) masked = masked.replace(pattern, fixed);
  return masked;
}

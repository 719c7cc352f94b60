import { VOLATILE } from '../volatile.ts';

const PATTERNS = VOLATILE.logLines.map(({ pattern, fixed }) => [new RegExp(pattern, 'gm'), fixed] as const);

/**
 * An error-log line with its volatile parts (time, process ids, connection numbers) replaced by the fixed values of
 * `VOLATILE.logLines`, in order: what the conformance suite does to captured lines before comparing them.
 */
export function maskLogLine(line: string): string {
  let masked = line;
  for (const [pattern, fixed] of PATTERNS) masked = masked.replace(pattern, fixed);
  return masked;
}

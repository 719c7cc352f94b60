import type { Capture } from './build-capture.ts';

/** A capture as its fixture file holds it: pretty JSON with a final newline, so diffs stay readable. */
export function serialiseCapture(capture: Capture): string {
  return `${JSON.stringify(capture, null, 2)}\n`;
}

import type { Capture } from './build-capture.ts';
import type { FaultCapture } from './run-fault.ts';

/** A capture as its fixture file holds it: pretty JSON with a final newline, so diffs stay readable. */
export function serialiseCapture(capture: Capture | FaultCapture): string {
  return `${JSON.stringify(capture, null, 2)}\n`;
}

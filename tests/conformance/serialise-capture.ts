import type { Capture } from './build-capture.ts';
import type { FaultCapture } from './run-fault.ts';
import type { LabCapture } from './run-lab-app.ts';

/** A capture as its fixture file holds it: pretty JSON with a final newline, so diffs stay readable. */
export function serialiseCapture(capture: Capture | FaultCapture | LabCapture): string {
  return `${JSON.stringify(capture, null, 2)}\n`;
}

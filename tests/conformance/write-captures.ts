import { mkdirSync, writeFileSync } from 'node:fs';
import type { Capture } from './build-capture.ts';
import type { FaultCapture } from './run-fault.ts';
import type { LabCapture } from './run-lab-app.ts';
import { serialiseCapture } from './serialise-capture.ts';

/**
 * Writes captures as `<dir>/<pipeline>/<case>.json`, fault captures as `<dir>/<pipeline>/faults/<fault>.json`, and
 * lab captures as `<dir>/<pipeline>/lab/<app>.json`, and the package versions they ran on as `<dir>/versions.json`.
 */
export function writeCaptures(
  dir: string,
  captures: readonly Capture[],
  versions: Record<string, string>,
  faults: readonly FaultCapture[] = [],
  labs: readonly LabCapture[] = [],
): void {
  for (const capture of captures) {
    mkdirSync(`${dir}/${capture.pipeline}`, { recursive: true });
    writeFileSync(`${dir}/${capture.pipeline}/${capture.case}.json`, serialiseCapture(capture));
  }
  for (const capture of faults) {
    mkdirSync(`${dir}/${capture.pipeline}/faults`, { recursive: true });
    writeFileSync(`${dir}/${capture.pipeline}/faults/${capture.fault}.json`, serialiseCapture(capture));
  }
  for (const capture of labs) {
    mkdirSync(`${dir}/${capture.pipeline}/lab`, { recursive: true });
    writeFileSync(`${dir}/${capture.pipeline}/lab/${capture.app}.json`, serialiseCapture(capture));
  }
  writeFileSync(`${dir}/versions.json`, `${JSON.stringify(versions, null, 2)}\n`);
}

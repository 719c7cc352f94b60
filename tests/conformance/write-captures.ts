import { mkdirSync, writeFileSync } from 'node:fs';
import type { Capture } from './build-capture.ts';
import { serialiseCapture } from './serialise-capture.ts';

/** Writes captures as `<dir>/<pipeline>/<case>.json` and the package versions they ran on as `<dir>/versions.json`. */
export function writeCaptures(dir: string, captures: readonly Capture[], versions: Record<string, string>): void {
  for (const capture of captures) {
    mkdirSync(`${dir}/${capture.pipeline}`, { recursive: true });
    writeFileSync(`${dir}/${capture.pipeline}/${capture.case}.json`, serialiseCapture(capture));
  }
  writeFileSync(`${dir}/versions.json`, `${JSON.stringify(versions, null, 2)}\n`);
}

import { readFileSync } from 'node:fs';
import type { Capture } from './build-capture.ts';

/** The capture of one corpus case through one pipeline, from a folder laid out like tests/fixtures/captures/. */
export function readCapture(dir: string, pipeline: string, caseName: string): Capture {
  return JSON.parse(readFileSync(`${dir}/${pipeline}/${caseName}.json`, 'utf8')) as Capture;
}

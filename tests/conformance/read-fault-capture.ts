import { existsSync, readFileSync } from 'node:fs';
import type { FaultCapture } from './run-fault.ts';

/** The path of one fault capture in a folder laid out like tests/fixtures/captures/. */
export function faultCapturePath(dir: string, pipeline: string, fault: string): string {
  return `${dir}/${pipeline}/faults/${fault}.json`;
}

/** One fault capture, or undefined when the folder has none for this pipeline and fault. */
export function readFaultCapture(dir: string, pipeline: string, fault: string): FaultCapture | undefined {
  const path = faultCapturePath(dir, pipeline, fault);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FaultCapture) : undefined;
}

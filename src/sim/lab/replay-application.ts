import type { LabBodyItem, LabRunResult } from '../../lab/lab-protocol.ts';
import type { WsgiApplication, WsgiItem } from '../wsgi/application.ts';
import { recordedApplication } from '../wsgi/recorded-application.ts';
import { base64ToBytes } from './base64.ts';

/** A lab run that ran (the harness's answer with `ok: true`). */
export type LabRun = Extract<LabRunResult, { ok: true }>;

/** One body item of a boundary in the simulator's terms: bytes, or another object by type and repr(). */
export function wsgiItem(item: LabBodyItem): WsgiItem {
  return item.kind === 'bytes' ? base64ToBytes(item.base64) : { type: item.type, repr: item.repr };
}

/**
 * The reader's code in the application's place: what the gateway's boundary (0) recorded, replayed by
 * `recordedApplication` (start_response calls, wsgi.errors, the items, the exception and where), so the pipeline's
 * own runner and gateway treat it as they treat any application. Its hops say the code ran for real.
 */
export function replayApplication(run: LabRun, name: string): WsgiApplication {
  const empty = { startResponse: [], body: [], hasClose: false, sized: true, returnedType: '' };
  return {
    ...recordedApplication(name, run.boundaries[0] ?? empty, run.exception, run.errors),
    provenance: { kind: 'ran', subject: name },
  };
}

import type { LabBodyItem, LabException, LabRunResult, LabStartResponse } from '../../lab/lab-protocol.ts';
import type { WsgiApplication, WsgiException, WsgiItem, WsgiLateStartResponse } from '../wsgi/application.ts';
import { WsgiRaised } from '../wsgi/wsgi-raised.ts';
import { base64ToBytes } from './base64.ts';

/** A lab run that ran (the harness's answer with `ok: true`). */
export type LabRun = Extract<LabRunResult, { ok: true }>;

/** One body item of a boundary in the simulator's terms: bytes, or another object by type and repr(). */
export function wsgiItem(item: LabBodyItem): WsgiItem {
  return item.kind === 'bytes' ? base64ToBytes(item.base64) : { type: item.type, repr: item.repr };
}

/** Whether a start_response call came while the gateway iterated (older answers lack the flag: after an item). */
const whileIterating = (call: LabStartResponse): boolean => call.whileIterating ?? call.afterItems > 0;

const exceptionOf = (exception: LabException): WsgiException => ({
  type: exception.type,
  message: exception.message,
  traceback: exception.traceback,
});

/**
 * The reader's code in the application's place: replays what the gateway's boundary (0) recorded, so the pipeline's
 * own runner and gateway treat it as they treat any application — start_response calls made during the call, what
 * was written to wsgi.errors, then the call's exception (thrown as `WsgiRaised`) or the iterable: every item (bytes
 * or not), the exception next() or close() raised, the start_response calls made while it was iterated.
 */
export function replayApplication(run: LabRun, name: string): WsgiApplication {
  const boundary = run.boundaries[0];
  const calls = boundary?.startResponse ?? [];
  const exception = run.exception;
  return {
    name,
    provenance: { kind: 'ran', subject: name },
    call(invocation, startResponse) {
      invocation.log.push(`${name}: request in`);
      for (const call of calls.filter((c) => !whileIterating(c)))
        startResponse(call.status, call.headers, call.excInfoException ?? call.excInfo);
      if (run.errors !== '') invocation.errors.push(run.errors);
      if (exception?.where === 'call') throw new WsgiRaised(exceptionOf(exception));
      const late = calls.filter(whileIterating).map((call): WsgiLateStartResponse => ({
        afterItems: call.afterItems,
        status: call.status,
        headers: call.headers,
        excInfo: call.excInfo,
        ...(call.excInfoException ? { excInfoException: call.excInfoException } : {}),
      }));
      return {
        items: (boundary?.body ?? []).map(wsgiItem),
        hasClose: boundary?.hasClose ?? false,
        sized: boundary?.sized ?? false,
        type: boundary?.returnedType ?? 'list',
        ...(exception?.where === 'iterate' ? { raises: exceptionOf(exception) } : {}),
        ...(exception?.where === 'close' ? { closeRaises: exceptionOf(exception) } : {}),
        ...(late.length > 0 ? { lateStartResponse: late } : {}),
      };
    },
  };
}

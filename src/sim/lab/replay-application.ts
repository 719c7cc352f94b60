import type { LabBodyItem, LabBoundary, LabRunResult } from '../../lab/lab-protocol.ts';
import type { WsgiApplication, WsgiItem, WsgiReplay } from '../wsgi/application.ts';
import { base64ToBytes } from './base64.ts';

/** A lab run that ran (the harness's answer with `ok: true`). */
export type LabRun = Extract<LabRunResult, { ok: true }>;

/** One body item of a boundary in the simulator's terms. */
export function wsgiItem(item: LabBodyItem): WsgiItem {
  return item.kind === 'bytes'
    ? { kind: 'bytes', bytes: base64ToBytes(item.base64) }
    : { kind: 'other', type: item.type, repr: item.repr };
}

/** What crossed one boundary, as a replay (the gateway's boundary is 0). */
export function replayOf(run: LabRun, boundary: LabBoundary | undefined, outermost: boolean): WsgiReplay {
  const exception = outermost ? run.exception : undefined;
  return {
    calls: (boundary?.startResponse ?? []).map((call) => ({
      status: call.status,
      headers: call.headers.map(([name, value]): [string, string] => [name, value]),
      invalid: call.invalid ?? [],
      excInfo: call.excInfo,
      afterItems: call.afterItems,
    })),
    items: (boundary?.body ?? []).map(wsgiItem),
    returnedType: boundary?.returnedType ?? '',
    ...(exception
      ? {
          raised: {
            where: exception.where,
            type: exception.type,
            message: exception.message,
            traceback: exception.traceback,
          },
        }
      : {}),
    errors: run.errors,
  };
}

/**
 * The reader's code in the application's place: replays what the gateway's boundary recorded — each start_response
 * call in order, then the items — so the pipeline's own runner and gateway treat it as they treat any application.
 * The bytes items are the iterable's `items`; everything else real Python did (items that are not bytes, an
 * exception and where, start_response after the first item) travels in `replay` for the gateways that model it.
 */
export function replayApplication(run: LabRun, name: string): WsgiApplication {
  const boundary = run.boundaries[0];
  const replay = replayOf(run, boundary, true);
  return {
    name,
    provenance: { kind: 'ran', subject: name },
    call(invocation, startResponse) {
      invocation.log.push(`${name}: request in`);
      for (const call of replay.calls) startResponse(call.status, call.headers, call.excInfo);
      if (replay.raised?.where === 'call') invocation.log.push(`${name} raises ${replay.raised.type}`);
      else invocation.log.push(`${name} returns a ${replay.returnedType}`);
      return {
        items: replay.items.flatMap((item) => (item.kind === 'bytes' ? [item.bytes] : [])),
        hasClose: boundary?.hasClose ?? false,
        sized: boundary?.sized ?? false,
        replay,
      };
    },
  };
}

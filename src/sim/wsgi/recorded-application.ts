import type { WsgiApplication, WsgiException, WsgiItem, WsgiLateStartResponse } from './application.ts';
import { WsgiRaised } from './wsgi-raised.ts';

/** One start_response call as recorded at the gateway's boundary (the lab protocol's `LabStartResponse`). */
export interface RecordedStartResponse {
  status: string;
  headers: [string, string][];
  excInfo: boolean;
  afterItems: number;
  excInfoException?: { type: string; message: string };
  /** Made after the code had returned its iterable, while the gateway iterated it (absent: after an item). */
  whileIterating?: boolean;
}

/** Whether a call was made while the gateway iterated (a generator's first next() calls it at `afterItems` 0). */
const lateCall = (call: RecordedStartResponse): boolean => call.whileIterating ?? call.afterItems > 0;

/** A body item as recorded (the lab protocol's `LabBodyItem`): bytes in base64, or any other object. */
export type RecordedItem = { kind: 'bytes'; base64: string } | { kind: 'other'; type: string; repr: string };

/** What crossed the gateway's boundary (the lab protocol's `LabBoundary`, the parts a gateway meets). */
export interface RecordedBoundary {
  startResponse: RecordedStartResponse[];
  body: RecordedItem[];
  hasClose: boolean;
  sized: boolean;
  returnedType: string;
}

/** The exception that left the code, and where the gateway met it (the lab protocol's `LabException`). */
export interface RecordedException extends WsgiException {
  where: 'call' | 'iterate' | 'close';
}

/** Decodes base64 (RFC 4648 §4) without Buffer or atob, so the simulator stays free of the platform. */
function fromBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of clean) {
    const digit = alphabet.indexOf(char);
    if (digit < 0) throw new Error(`not base64: ${JSON.stringify(char)}`);
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, index);
}

/**
 * A WSGI application that replays what real code did at the gateway's boundary (the lab's harness records it): the
 * start_response calls made before the body, the items, the calls made while iterating, what it wrote to
 * wsgi.errors, and the exception that left it. The gateway models (`isOddResult`, the servers' `respond`) then
 * treat it as the gateway would have.
 */
export function recordedApplication(
  name: string,
  boundary: RecordedBoundary,
  exception?: RecordedException,
  errors = '',
): WsgiApplication {
  return {
    name,
    call(invocation, startResponse) {
      if (errors) invocation.errors.push(errors);
      invocation.log.push(`${name} runs (replayed)`);
      for (const call of boundary.startResponse.filter((item) => !lateCall(item)))
        startResponse(call.status, call.headers, call.excInfoException ?? call.excInfo);
      if (exception?.where === 'call') throw new WsgiRaised(exception);
      const items: WsgiItem[] = boundary.body.map((item) =>
        item.kind === 'bytes' ? fromBase64(item.base64) : { type: item.type, repr: item.repr },
      );
      const late: WsgiLateStartResponse[] = boundary.startResponse.filter(lateCall).map((item) => ({
        afterItems: item.afterItems,
        status: item.status,
        headers: item.headers,
        excInfo: item.excInfo,
        ...(item.excInfoException ? { excInfoException: item.excInfoException } : {}),
      }));
      return {
        items,
        hasClose: boundary.hasClose,
        sized: boundary.sized,
        type: boundary.returnedType,
        ...(exception?.where === 'iterate' ? { raises: exception } : {}),
        ...(exception?.where === 'close' ? { closeRaises: exception } : {}),
        ...(late.length > 0 ? { lateStartResponse: late } : {}),
      };
    },
  };
}

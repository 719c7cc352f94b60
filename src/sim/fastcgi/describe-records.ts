import type { Pair, TraceRecord } from '../trace.ts';
import { latin1, toHex, concatBytes } from '../bytes.ts';
import { RECORD_TYPES, ROLES, PROTOCOL_STATUS, nameOf } from './constants.ts';
import { encodeRecord, type FcgiRecord } from './record.ts';
import { decodeBeginRequestBody, decodeEndRequestBody } from './bodies.ts';
import { decodeNameValuePairs } from './name-value.ts';

const STREAM_TYPES: ReadonlySet<number> = new Set([
  RECORD_TYPES.STDIN,
  RECORD_TYPES.STDOUT,
  RECORD_TYPES.STDERR,
  RECORD_TYPES.DATA,
]);

/** Turns records into their Trace form; a pair straddling two PARAMS records is listed on the record where it starts. */
export function describeRecords(records: readonly FcgiRecord[]): TraceRecord[] {
  const paramsByRecord = assignParams(records);
  return records.map((record, index) => {
    const out: TraceRecord = {
      type: nameOf(RECORD_TYPES, record.type),
      requestId: record.requestId,
      contentLength: record.content.length,
      paddingLength: record.padding.length,
      bytes: toHex(encodeRecord(record)),
    };
    if (record.type === RECORD_TYPES.BEGIN_REQUEST) {
      const body = decodeBeginRequestBody(record.content);
      if (body) {
        out.role = nameOf(ROLES, body.role);
        out.flags = body.flags;
      }
    } else if (record.type === RECORD_TYPES.END_REQUEST) {
      const body = decodeEndRequestBody(record.content);
      if (body) {
        out.appStatus = body.appStatus;
        out.protocolStatus = nameOf(PROTOCOL_STATUS, body.protocolStatus);
      }
    } else if (
      record.type === RECORD_TYPES.PARAMS ||
      record.type === RECORD_TYPES.GET_VALUES ||
      record.type === RECORD_TYPES.GET_VALUES_RESULT
    ) {
      out.params = paramsByRecord.get(index) ?? [];
    } else if (STREAM_TYPES.has(record.type)) {
      out.data = latin1(record.content);
    }
    return out;
  });
}

function assignParams(records: readonly FcgiRecord[]): Map<number, Pair[]> {
  const result = new Map<number, Pair[]>();
  const owners: { index: number; start: number }[] = [];
  const parts: Uint8Array[] = [];
  let size = 0;
  records.forEach((record, index) => {
    if (record.type === RECORD_TYPES.PARAMS) {
      owners.push({ index, start: size });
      parts.push(record.content);
      size += record.content.length;
      result.set(index, []);
    } else if (record.type === RECORD_TYPES.GET_VALUES || record.type === RECORD_TYPES.GET_VALUES_RESULT) {
      result.set(
        index,
        decodeNameValuePairs(record.content).pairs.map((p) => p.pair),
      );
    }
  });
  const { pairs } = decodeNameValuePairs(concatBytes(parts));
  let owner = 0;
  for (const { pair, offset } of pairs) {
    while (owner + 1 < owners.length && (owners[owner + 1]?.start ?? Infinity) <= offset) owner++;
    const target = owners[owner];
    if (target) result.get(target.index)?.push(pair);
  }
  return result;
}

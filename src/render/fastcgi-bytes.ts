/** Labels every byte of a FastCGI record: header fields, body fields, name–value lengths, padding. */
import { PROTOCOL_STATUS, RECORD_TYPES, ROLES, findName } from '../sim/fastcgi/constants.ts';

/** What a run of bytes in a record is. */
export type SegmentKind =
  | 'version'
  | 'type'
  | 'requestId'
  | 'contentLength'
  | 'paddingLength'
  | 'reserved'
  | 'role'
  | 'flags'
  | 'appStatus'
  | 'protocolStatus'
  | 'nameLength'
  | 'valueLength'
  | 'name'
  | 'value'
  | 'data'
  | 'padding';

/** A labelled run of bytes. */
export interface Segment {
  kind: SegmentKind;
  /** Offset of the first byte in the record. */
  offset: number;
  /** Number of bytes. */
  length: number;
  /** The decoded value, as shown beside the bytes ("1", "PARAMS", "REQUEST_METHOD", …). */
  value: string;
  /** For length fields: 1 or 4, the size of the encoding. */
  encoding?: 1 | 4;
}

const HEADER_LENGTH = 8;
const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);
const u16 = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32 = (b: Uint8Array, i: number): number =>
  (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;

/**
 * Reads one name–value length (FastCGI 1.0 §3.4): one byte when the high bit is clear (0–127), otherwise four
 * bytes with the high bit masked off. Undefined when the bytes run out.
 */
export function readNameValueLength(bytes: Uint8Array, at: number): { length: number; size: 1 | 4 } | undefined {
  const first = bytes[at];
  if (first === undefined) return undefined;
  if (first >> 7 === 0) return { length: first, size: 1 };
  if (at + 4 > bytes.length) return undefined;
  return { length: u32(bytes, at) & 0x7fffffff, size: 4 };
}

function headerSegments(b: Uint8Array): Segment[] {
  const type = b[1] ?? 0;
  return [
    { kind: 'version', offset: 0, length: 1, value: String(b[0] ?? 0) },
    { kind: 'type', offset: 1, length: 1, value: `${type} ${findName(RECORD_TYPES, type) ?? 'unknown'}` },
    { kind: 'requestId', offset: 2, length: 2, value: String(u16(b, 2)) },
    { kind: 'contentLength', offset: 4, length: 2, value: String(u16(b, 4)) },
    { kind: 'paddingLength', offset: 6, length: 1, value: String(b[6] ?? 0) },
    { kind: 'reserved', offset: 7, length: 1, value: String(b[7] ?? 0) },
  ];
}

/** Name–value pairs of a PARAMS body; a pair that runs past the body is shown as plain data. */
function pairSegments(b: Uint8Array, start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  let at = start;
  while (at < end) {
    const name = readNameValueLength(b, at);
    const value = name && readNameValueLength(b, at + name.size);
    if (!name || !value || at + name.size + value.size + name.length + value.length > end) {
      segments.push({ kind: 'data', offset: at, length: end - at, value: latin1(b.subarray(at, end)) });
      break;
    }
    segments.push({
      kind: 'nameLength',
      offset: at,
      length: name.size,
      value: String(name.length),
      encoding: name.size,
    });
    at += name.size;
    segments.push({
      kind: 'valueLength',
      offset: at,
      length: value.size,
      value: String(value.length),
      encoding: value.size,
    });
    at += value.size;
    segments.push({ kind: 'name', offset: at, length: name.length, value: latin1(b.subarray(at, at + name.length)) });
    at += name.length;
    segments.push({
      kind: 'value',
      offset: at,
      length: value.length,
      value: latin1(b.subarray(at, at + value.length)),
    });
    at += value.length;
  }
  return segments;
}

function bodySegments(b: Uint8Array, type: number, start: number, end: number): Segment[] {
  if (end <= start) return [];
  if (type === 1 && end - start === 8) {
    const role = u16(b, start);
    return [
      { kind: 'role', offset: start, length: 2, value: `${role} ${findName(ROLES, role) ?? 'unknown'}` },
      { kind: 'flags', offset: start + 2, length: 1, value: String(b[start + 2] ?? 0) },
      { kind: 'reserved', offset: start + 3, length: 5, value: '0' },
    ];
  }
  if (type === 3 && end - start === 8) {
    const status = b[start + 4] ?? 0;
    return [
      { kind: 'appStatus', offset: start, length: 4, value: String(u32(b, start)) },
      {
        kind: 'protocolStatus',
        offset: start + 4,
        length: 1,
        value: `${status} ${findName(PROTOCOL_STATUS, status) ?? 'unknown'}`,
      },
      { kind: 'reserved', offset: start + 5, length: 3, value: '0' },
    ];
  }
  if (type === 4 || type === 9 || type === 10) return pairSegments(b, start, end);
  return [{ kind: 'data', offset: start, length: end - start, value: latin1(b.subarray(start, end)) }];
}

/** Labels a whole record (header, content, padding). Bytes past the declared lengths are shown as data. */
export function labelRecord(bytes: Uint8Array): Segment[] {
  if (bytes.length < HEADER_LENGTH) {
    return [{ kind: 'data', offset: 0, length: bytes.length, value: latin1(bytes) }];
  }
  const contentEnd = Math.min(bytes.length, HEADER_LENGTH + u16(bytes, 4));
  const paddingEnd = Math.min(bytes.length, contentEnd + (bytes[6] ?? 0));
  const segments = [...headerSegments(bytes), ...bodySegments(bytes, bytes[1] ?? 0, HEADER_LENGTH, contentEnd)];
  if (paddingEnd > contentEnd) {
    segments.push({ kind: 'padding', offset: contentEnd, length: paddingEnd - contentEnd, value: '' });
  }
  if (bytes.length > paddingEnd) {
    segments.push({
      kind: 'data',
      offset: paddingEnd,
      length: bytes.length - paddingEnd,
      value: latin1(bytes.subarray(paddingEnd)),
    });
  }
  return segments;
}

/**
 * Labels every byte of a uwsgi packet (uwsgi-docs, "The uwsgi Protocol"): the header's modifier1, datasize
 * (16-bit little endian) and modifier2, then each var's key_size, key, val_size and value (sizes 16-bit little endian).
 */
import type { Segment } from './fastcgi-bytes.ts';

const HEADER_LENGTH = 4;
const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);
const u16le = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);

/** Labels a packet's header and vars block; bytes that do not parse as a var are shown as data. */
export function labelUwsgiPacket(bytes: Uint8Array): Segment[] {
  if (bytes.length < HEADER_LENGTH) return [{ kind: 'data', offset: 0, length: bytes.length, value: latin1(bytes) }];
  const segments: Segment[] = [
    { kind: 'modifier1', offset: 0, length: 1, value: String(bytes[0] ?? 0) },
    { kind: 'datasize', offset: 1, length: 2, value: String(u16le(bytes, 1)) },
    { kind: 'modifier2', offset: 3, length: 1, value: String(bytes[3] ?? 0) },
  ];
  const end = Math.min(bytes.length, HEADER_LENGTH + u16le(bytes, 1));
  let at = HEADER_LENGTH;
  const field = (sizeKind: 'keySize' | 'valSize', textKind: 'name' | 'value'): boolean => {
    if (at + 2 > end) return false;
    const size = u16le(bytes, at);
    if (at + 2 + size > end) return false;
    segments.push({ kind: sizeKind, offset: at, length: 2, value: String(size) });
    segments.push({
      kind: textKind,
      offset: at + 2,
      length: size,
      value: latin1(bytes.subarray(at + 2, at + 2 + size)),
    });
    at += 2 + size;
    return true;
  };
  while (at < end) {
    if (!field('keySize', 'name') || !field('valSize', 'value')) break;
  }
  if (at < bytes.length)
    segments.push({ kind: 'data', offset: at, length: bytes.length - at, value: latin1(bytes.subarray(at)) });
  return segments;
}

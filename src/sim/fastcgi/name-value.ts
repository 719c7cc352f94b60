import type { Pair } from '../trace.ts';
import { fromLatin1, latin1 } from '../bytes.ts';

/** Encodes one length: 1 byte below 128, else 4 bytes with the high bit set (FastCGI §3.4). */
function encodeLength(length: number, out: number[]): void {
  if (length < 0x80) {
    out.push(length);
  } else {
    out.push(((length >>> 24) & 0x7f) | 0x80, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff);
  }
}

/** Encodes name–value pairs (FastCGI §3.4) with 1- or 4-byte lengths; names and values are latin-1. */
export function encodeNameValuePairs(pairs: readonly Pair[]): Uint8Array {
  let size = 0;
  const encoded = pairs.map(([name, value]) => {
    const lengths: number[] = [];
    encodeLength(name.length, lengths);
    encodeLength(value.length, lengths);
    size += lengths.length + name.length + value.length;
    return { lengths, name, value };
  });
  const out = new Uint8Array(size);
  let at = 0;
  for (const { lengths, name, value } of encoded) {
    out.set(lengths, at);
    at += lengths.length;
    out.set(fromLatin1(name), at);
    at += name.length;
    out.set(fromLatin1(value), at);
    at += value.length;
  }
  return out;
}

/** One decoded pair with the byte offset where it starts in the stream. */
export interface LocatedPair {
  pair: Pair;
  offset: number;
}

/** Decoding outcome: the pairs read so far, and an error when the stream is malformed. */
export interface NameValueResult {
  pairs: LocatedPair[];
  error: { message: string; offset: number } | null;
}

function readLength(bytes: Uint8Array, at: number): { length: number; size: number } | null {
  const first = bytes[at];
  if (first === undefined) return null;
  if ((first & 0x80) === 0) return { length: first, size: 1 };
  if (at + 4 > bytes.length) return null;
  const length =
    ((first & 0x7f) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
  return { length: length >>> 0, size: 4 };
}

/** Decodes a complete PARAMS stream into pairs; never throws. */
export function decodeNameValuePairs(bytes: Uint8Array): NameValueResult {
  const pairs: LocatedPair[] = [];
  let at = 0;
  while (at < bytes.length) {
    const start = at;
    const name = readLength(bytes, at);
    if (!name) return { pairs, error: { message: 'Name length runs past the end of the PARAMS stream', offset: at } };
    at += name.size;
    const value = readLength(bytes, at);
    if (!value) return { pairs, error: { message: 'Value length runs past the end of the PARAMS stream', offset: at } };
    at += value.size;
    if (at + name.length + value.length > bytes.length) {
      return { pairs, error: { message: 'Name or value runs past the end of the PARAMS stream', offset: start } };
    }
    const nameText = latin1(bytes.subarray(at, at + name.length));
    at += name.length;
    const valueText = latin1(bytes.subarray(at, at + value.length));
    at += value.length;
    pairs.push({ pair: [nameText, valueText], offset: start });
  }
  return { pairs, error: null };
}

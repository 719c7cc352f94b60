import type { HeaderField } from './types.ts';
import { concatBytes, latin1 } from '../bytes.ts';
import { msg, type Message } from '../message.ts';

const RE_CHUNK_SIZE = /^([0-9a-fA-F]+)[ \t]*(;.*)?$/;

/** Outcome of de-chunking a body. */
export type ChunkedResult =
  | {
      ok: true;
      body: Uint8Array;
      trailers: HeaderField[];
      end: number;
      chunkSizes: number[];
      /** Offset just after each data chunk's CRLF. */
      chunkEnds: number[];
      /** Offset just after the last-chunk line (`0` CRLF), before any trailers. */
      lastChunkEnd: number;
    }
  | { ok: false; error: { message: Message; offset: number } };

/** Removes chunked transfer coding (RFC 9112 §7.1) starting at `from`; never throws. */
export function parseChunkedBody(bytes: Uint8Array, from: number, allowBareLf: boolean): ChunkedResult {
  const parts: Uint8Array[] = [];
  const chunkSizes: number[] = [];
  const chunkEnds: number[] = [];
  let at = from;
  const line = (): { text: string; start: number } | { message: Message; offset: number } => {
    const lf = bytes.indexOf(0x0a, at);
    if (lf < 0) return { message: msg('http.chunkSizeIncomplete'), offset: bytes.length };
    const crlf = lf > at && bytes[lf - 1] === 0x0d;
    if (!crlf && !allowBareLf) return { message: msg('http.chunkBareLf'), offset: lf };
    const start = at;
    const text = latin1(bytes.subarray(at, crlf ? lf - 1 : lf));
    at = lf + 1;
    return { text, start };
  };
  for (;;) {
    const sizeLine = line();
    if ('message' in sizeLine) return { ok: false, error: sizeLine };
    // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
    const match = RE_CHUNK_SIZE.exec(sizeLine.text);
    if (!match || (match[1] ?? '').length > 12) {
      return { ok: false, error: { message: msg('http.invalidChunkSize'), offset: sizeLine.start } };
    }
    const size = parseInt(match[1] ?? '0', 16);
    if (size === 0) break;
    if (at + size > bytes.length)
      return { ok: false, error: { message: msg('http.chunkTruncated'), offset: bytes.length } };
    parts.push(bytes.subarray(at, at + size));
    chunkSizes.push(size);
    at += size;
    if (bytes[at] === 0x0d && bytes[at + 1] === 0x0a) at += 2;
    else if (allowBareLf && bytes[at] === 0x0a) at += 1;
    else
      return {
        ok: false,
        error: { message: msg('http.chunkNoCrlf'), offset: Math.min(at, bytes.length) },
      };
    chunkEnds.push(at);
  }
  const lastChunkEnd = at;
  // RFC 9112 §7.1.2: trailer-section = *( field-line CRLF ), then the final CRLF.
  const trailers: HeaderField[] = [];
  for (;;) {
    const trailer = line();
    if ('message' in trailer) return { ok: false, error: trailer };
    if (trailer.text === '') break;
    const colon = trailer.text.indexOf(':');
    if (colon <= 0) return { ok: false, error: { message: msg('http.trailerNoColon'), offset: trailer.start } };
    trailers.push({
      name: trailer.text.slice(0, colon),
      value: trailer.text.slice(colon + 1).trim(),
      offset: trailer.start,
    });
  }
  return { ok: true, body: concatBytes(parts), trailers, end: at, chunkSizes, chunkEnds, lastChunkEnd };
}

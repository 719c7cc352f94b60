import type { HeaderField } from './types.ts';
import { concatBytes, latin1 } from '../bytes.ts';
import { msg, type Message } from '../message.ts';
import type { HttpParseOptions } from './parse-options.ts';
import { pythonInt } from './python-int.ts';

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

/** The size a chunk-size line gives, or null when the syntax refuses it (see `chunkSizeSyntax`). */
function chunkSize(text: string, syntax: HttpParseOptions['chunkSizeSyntax']): number | null {
  if (syntax === 'python-whole-line') {
    // Werkzeug's DechunkedInput raises on a negative length.
    const size = pythonInt(text, 16);
    return size !== null && size < 0 ? null : size;
  }
  if (syntax === 'python-before-semicolon') return pythonInt(text.split(';')[0] ?? '', 16);
  // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
  const match = RE_CHUNK_SIZE.exec(text);
  if (!match || (match[1] ?? '').length > 12) return null;
  return parseInt(match[1] ?? '0', 16);
}

/** Removes chunked transfer coding (RFC 9112 §7.1) starting at `from`; never throws. */
export function parseChunkedBody(
  bytes: Uint8Array,
  from: number,
  allowBareLf: boolean,
  syntax: HttpParseOptions['chunkSizeSyntax'] = 'rfc',
): ChunkedResult {
  const parts: Uint8Array[] = [];
  const chunkSizes: number[] = [];
  const chunkEnds: number[] = [];
  let at = from;
  // Python's readers take each size line with readline(): a bare LF ends it as well as CRLF.
  const python = syntax !== 'rfc';
  const line = (bareLf = allowBareLf): { text: string; start: number } | { message: Message; offset: number } => {
    const lf = bytes.indexOf(0x0a, at);
    if (lf < 0) return { message: msg('http.chunkSizeIncomplete'), offset: bytes.length };
    const crlf = lf > at && bytes[lf - 1] === 0x0d;
    if (!crlf && !bareLf) return { message: msg('http.chunkBareLf'), offset: lf };
    const start = at;
    const text = latin1(bytes.subarray(at, crlf ? lf - 1 : lf));
    at = lf + 1;
    return { text, start };
  };
  for (;;) {
    const sizeLine = line(allowBareLf || python);
    if ('message' in sizeLine) return { ok: false, error: sizeLine };
    const size = chunkSize(sizeLine.text, syntax);
    if (size === null || !Number.isSafeInteger(size)) {
      return { ok: false, error: { message: msg('http.invalidChunkSize'), offset: sizeLine.start } };
    }
    // Cheroot's ChunkedRFile takes a size of zero or less for the last chunk.
    if (size <= 0) break;
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
  const done = { ok: true as const, body: concatBytes(parts), chunkSizes, chunkEnds, lastChunkEnd };
  if (syntax === 'python-whole-line') {
    // Werkzeug's DechunkedInput reads one more line after the last chunk and wants it empty: no trailers.
    const ending = line(true);
    if ('message' in ending) return { ok: false, error: ending };
    if (ending.text !== '') return { ok: false, error: { message: msg('http.chunkNoCrlf'), offset: ending.start } };
    return { ...done, trailers: [], end: at };
  }
  // RFC 9112 §7.1.2: trailer-section = *( field-line CRLF ), then the final CRLF.
  const trailers: HeaderField[] = [];
  for (;;) {
    const trailer = line();
    // Cheroot's ChunkedRFile stops at the last chunk: what follows is left on the connection, unread.
    if ('message' in trailer && syntax === 'python-before-semicolon')
      return { ...done, trailers: [], end: lastChunkEnd };
    if ('message' in trailer) return { ok: false, error: trailer };
    if (trailer.text === '') break;
    const colon = trailer.text.indexOf(':');
    if (colon <= 0 && syntax === 'python-before-semicolon') return { ...done, trailers: [], end: lastChunkEnd };
    if (colon <= 0) return { ok: false, error: { message: msg('http.trailerNoColon'), offset: trailer.start } };
    trailers.push({
      name: trailer.text.slice(0, colon),
      value: trailer.text.slice(colon + 1).trim(),
      offset: trailer.start,
    });
  }
  return { ...done, trailers, end: at };
}

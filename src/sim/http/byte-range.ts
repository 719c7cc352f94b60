import { findHeader } from './header-lookup.ts';
import type { HttpRequest } from './types.ts';

/** One byte range of a representation, both ends included (RFC 9110 §14.1.2). */
export interface ByteRange {
  first: number;
  last: number;
  /** The representation's whole length, for `Content-Range: bytes first-last/length`. */
  length: number;
}

/**
 * The one satisfiable range a `Range: bytes=…` field asks for in a representation of `length` bytes
 * (RFC 9110 §14.1.2: `first-last`, `first-`, or the `-suffix` length), or null: no Range, another unit, a list of
 * ranges, or one that cannot be satisfied, which the callers answer with the whole representation.
 */
export function singleByteRange(request: HttpRequest, length: number): ByteRange | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(findHeader(request.headers, 'range')?.value.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [, from = '', to = ''] = match;
  if (from === '') {
    const suffix = Math.min(Number(to), length);
    return suffix === 0 ? null : { first: length - suffix, last: length - 1, length };
  }
  const first = Number(from);
  const last = to === '' ? length - 1 : Math.min(Number(to), length - 1);
  return first > last || first >= length ? null : { first, last, length };
}

/** The `Content-Range` value of a range. */
export function contentRange(range: ByteRange): string {
  return `bytes ${String(range.first)}-${String(range.last)}/${String(range.length)}`;
}

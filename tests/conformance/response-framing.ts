const CR = 0x0d;
const LF = 0x0a;

/** How far the bytes received so far go: complete responses found, and whether more bytes are expected. */
export interface FramingState {
  /** Final (non-1xx) responses completely received. */
  completeResponses: number;
  /** The offset just past each of those responses. */
  ends: number[];
  /** True when the last response's end can only be known by the connection closing. */
  endsAtClose: boolean;
}

/**
 * Walk the response bytes received so far, one response after another (RFC 9112 §6.3: message body length):
 * 1xx, 204 and 304 responses and answers to HEAD have no body; then chunked, then Content-Length,
 * else the body runs until the connection closes.
 */
export function measureResponses(bytes: Uint8Array, requestMethod: string): FramingState {
  let offset = 0;
  const ends: number[] = [];
  while (offset < bytes.length) {
    const headEnd = findHeadEnd(bytes, offset);
    if (headEnd < 0) return { completeResponses: ends.length, ends, endsAtClose: false };
    const head = latin1(bytes.subarray(offset, headEnd));
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(head)?.[1] ?? 0);
    const bodyStart = headEnd;
    if (status >= 100 && status < 200) {
      offset = bodyStart;
      continue;
    }
    const headerValue = (name: string): string | undefined =>
      new RegExp(`\\n${name}:[ \\t]*([^\\r\\n]*)`, 'i').exec(head)?.[1];
    if (requestMethod === 'HEAD' || status === 204 || status === 304) {
      offset = bodyStart;
    } else if (/chunked/i.test(headerValue('Transfer-Encoding') ?? '')) {
      const end = findChunkedEnd(bytes, bodyStart);
      if (end < 0) return { completeResponses: ends.length, ends, endsAtClose: false };
      offset = end;
    } else if (headerValue('Content-Length') !== undefined) {
      const end = bodyStart + Number(headerValue('Content-Length'));
      if (end > bytes.length) return { completeResponses: ends.length, ends, endsAtClose: false };
      offset = end;
    } else {
      return { completeResponses: ends.length, ends, endsAtClose: true };
    }
    ends.push(offset);
  }
  return { completeResponses: ends.length, ends, endsAtClose: false };
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

/** Offset just past the blank line that ends a header block (CRLF CRLF, or bare LF LF), or -1. */
function findHeadEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    if (bytes[i] !== LF) continue;
    if (bytes[i + 1] === LF) return i + 2;
    if (bytes[i + 1] === CR && bytes[i + 2] === LF) return i + 3;
  }
  return -1;
}

/** Offset just past a complete chunked body (RFC 9112 §7.1), trailers included, or -1. */
function findChunkedEnd(bytes: Uint8Array, from: number): number {
  let offset = from;
  for (;;) {
    const lineEnd = bytes.indexOf(LF, offset);
    if (lineEnd < 0) return -1;
    const size = parseInt(latin1(bytes.subarray(offset, lineEnd)), 16);
    if (Number.isNaN(size)) return -1;
    offset = lineEnd + 1;
    if (size === 0) {
      // trailer section: lines until an empty one
      for (;;) {
        const end = bytes.indexOf(LF, offset);
        if (end < 0) return -1;
        const empty = end === offset || (end === offset + 1 && bytes[offset] === CR);
        offset = end + 1;
        if (empty) return offset;
      }
    }
    offset += size;
    if (bytes[offset] === CR) offset += 1;
    if (bytes[offset] !== LF) return -1;
    offset += 1;
  }
}

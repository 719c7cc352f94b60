/** The limits a server's parser puts on one request, counted the way the parser counts them. */

/** Which limit a request crossed. */
export type LimitKind = 'requestLine' | 'fieldLine' | 'fieldCount' | 'head' | 'body';

/** nginx reads the head into buffers: the first of `first` bytes, then at most `count` of `size` bytes. */
export interface HeadBuffers {
  first: number;
  count: number;
  size: number;
}

/** What the parser checks; null where the server has no such limit. */
export interface RequestLimits {
  /** Longest request line accepted, in bytes without its line end. */
  requestLine: number | null;
  /** Longest field line accepted, in bytes without its line end. */
  fieldLine: number | null;
  /** Most field lines accepted. */
  fieldCount: number | null;
  /** Largest head accepted: from the request line to the empty line, line ends included. */
  head: number | null;
  /** A head read into buffers: each line must fit in one buffer, and no more buffers than these are taken. */
  headBuffers: HeadBuffers | null;
  /** Largest body accepted: a Content-Length above it is refused before the body is read; a chunked body once decoded. */
  body: number | null;
}

/** A parser without limits of its own. */
export const NO_LIMITS: RequestLimits = {
  requestLine: null,
  fieldLine: null,
  fieldCount: null,
  head: null,
  headBuffers: null,
  body: null,
};

/**
 * Follows a head being read into buffers line by line: `take(start, next)` for each line (its first byte, and the byte
 * after its line end) says whether it fits, is longer than one buffer, or needs a buffer beyond the last.
 */
export function headBufferReader(
  buffers: HeadBuffers,
): (start: number, next: number) => 'fits' | 'too-long' | 'no-buffer' {
  // The first buffer takes the first bytes; when a line does not end inside the current buffer, the next buffer
  // starts with that line (nginx copies the unfinished line into a new large buffer: ngx_http_alloc_large_header_buffer
  // in src/http/ngx_http_request.c). Measured: four 7,000-byte field lines fit and five do not; three of 8,192 bytes
  // (line end included) fit and four do not; a request line of 8,190 bytes plus CRLF fits and one of 8,191 does not.
  let end = buffers.first;
  let taken = 0;
  return (start, next) => {
    if (next <= end) return 'fits';
    if (next - start > buffers.size) return 'too-long';
    if (taken === buffers.count) return 'no-buffer';
    taken++;
    end = start + buffers.size;
    return 'fits';
  };
}

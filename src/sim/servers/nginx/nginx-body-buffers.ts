import type { RequestContext } from '../request-context.ts';
import type { BodyBuffers } from '../profile.ts';
import { msg } from '../../message.ts';

/** client_header_buffer_size's default: the first read of a connection takes at most this many bytes. */
const HEADER_BUFFER = 1024;
/** large_client_header_buffers' default size: where a header section that outgrows the first buffer continues. */
const LARGE_HEADER_BUFFER = 8192;
/** client_body_buffer_size's default on x86-64 (two memory pages). */
const BODY_BUFFER = 8192;
/** A chunk this small that arrived whole is appended to the buffer before it (ngx_http_request_body_chunked_filter). */
const SMALL_CHUNK = 128;

/**
 * Where the buffer holding the end of the header section ends, when the whole request arrived at once. The first
 * read fills 1,024 bytes; a header section longer than that continues in an 8 KiB buffer that starts with the line
 * nginx was still reading (ngx_http_alloc_large_header_buffer copies it over).
 */
function headerBufferEnd(raw: Uint8Array, bodyOffset: number): number {
  let end = HEADER_BUFFER;
  while (bodyOffset > end) {
    const lineStart = raw.lastIndexOf(0x0a, end - 1) + 1;
    end = lineStart + LARGE_HEADER_BUFFER;
  }
  return end;
}

/** The whole body in a temporary file: nginx's FastCGI module reads it back in one piece (then cut at 32 KiB). */
function spooled(context: RequestContext): BodyBuffers {
  return {
    lengths: [context.request.body.length],
    change: { kind: 'framed', message: msg('change.nginxBodySpooled', { bytes: context.request.body.length }) },
  };
}

/** The data of each chunk: where it starts in the request bytes and how long it is. */
function chunkData(context: RequestContext): { start: number; size: number }[] {
  const { raw, request } = context;
  return (request.chunks?.ends ?? []).map((end, index) => {
    const size = request.chunks?.sizes[index] ?? 0;
    const lineEnd = raw[end - 2] === 0x0d ? 2 : 1;
    return { start: end - lineEnd - size, size };
  });
}

/**
 * The buffers ngx_http_request_body_chunked_filter makes from each read: a new one for each piece of chunk data,
 * except that a chunk of at most 128 bytes that lies whole in the same read is copied onto the end of the buffer
 * before it.
 */
function chunkedBuffers(context: RequestContext, reads: [number, number][]): number[] {
  const lengths: number[] = [];
  for (const [readStart, readEnd] of reads) {
    let open = false;
    for (const chunk of chunkData(context)) {
      const from = Math.max(chunk.start, readStart);
      const to = Math.min(chunk.start + chunk.size, readEnd);
      if (from >= to) continue;
      const remaining = chunk.start + chunk.size - from;
      if (open && remaining <= SMALL_CHUNK && readEnd - from >= remaining) {
        lengths[lengths.length - 1] = (lengths[lengths.length - 1] ?? 0) + (to - from);
        continue;
      }
      lengths.push(to - from);
      open = true;
    }
  }
  return lengths;
}

/**
 * How nginx 1.22 holds a request body it buffers before passing it on (ngx_http_read_client_request_body), when the
 * whole request arrived in one read: what the header buffer already held after the headers is one buffer, the rest
 * is read into a second; each buffer becomes its own FastCGI STDIN record. A rest of 10,240 bytes or more
 * (client_body_buffer_size plus a quarter, for a Content-Length body) or a chunked rest of more than 8,192 bytes
 * goes to a temporary file, and then the whole body is read back from there as one stream. Verified by varying the
 * body size, the header size and the chunk sizes against nginx 1.22.1 with the FastCGI recorder.
 */
export function nginxBodyBuffers(context: RequestContext): BodyBuffers {
  const { raw, request } = context;
  const body = request.body.length;
  if (body === 0) return { lengths: [] };
  const bufferEnd = headerBufferEnd(raw, request.bodyOffset);
  if (request.framing === 'chunked') {
    const rest = request.length - bufferEnd;
    if (rest > BODY_BUFFER) return spooled(context);
    const reads: [number, number][] = [[request.bodyOffset, Math.min(bufferEnd, request.length)]];
    if (rest > 0) reads.push([bufferEnd, request.length]);
    return withNote(chunkedBuffers(context, reads));
  }
  const preread = Math.min(body, Math.max(0, bufferEnd - request.bodyOffset));
  const rest = body - preread;
  if (rest >= BODY_BUFFER + BODY_BUFFER / 4) return spooled(context);
  return withNote([preread, rest].filter((length) => length > 0));
}

/** The lengths, with a note when the body came in more than one buffer. */
function withNote(lengths: number[]): BodyBuffers {
  if (lengths.length < 2) return { lengths };
  return {
    lengths,
    change: {
      kind: 'framed',
      message: msg('change.nginxBodyBuffers', { first: lengths[0] ?? 0, buffers: lengths.length }),
    },
  };
}

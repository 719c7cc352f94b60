import { msg } from '../../message.ts';
import type { BodyBuffers } from '../profile.ts';
import type { RequestContext } from '../request-context.ts';

/** mod_proxy's MAX_MEM_SPOOL: how much of the body ap_proxy_prefetch_input reads before it connects. */
const MAX_MEM_SPOOL = 16384;
/** proxy_util.c, ap_proxy_prefetch_input: it "surrenders once we hit 80 bytes less than max_read". */
const SURRENDER = 80;
/** mod_proxy_fcgi's iobuf (ProxyIOBufferSize's default, AP_IOBUFSIZE): the most one later read asks for. */
const IOBUF = 8192;

/**
 * The reads mod_proxy_fcgi takes the body in, each sent as STDIN records of its own (cut at 8 KiB). A read of the
 * HTTP input filter returns at most the rest of the current chunk (a Content-Length body is one piece). First the
 * prefetch reads until it holds 16,304 bytes or more (or the body ends), each read asking for what is left of
 * 16 KiB; then each read asks for 8 KiB. So 3-byte chunks give 16,305 bytes ahead and then a record per chunk
 * (captured: case 175; variants of chunk sizes 1 to 8,192).
 */
export function proxyFcgiBodyReads(context: RequestContext): BodyBuffers {
  const { request } = context;
  const sizes = (request.framing === 'chunked' ? (request.chunks?.sizes ?? []) : [request.body.length]).filter(
    (size) => size > 0,
  );
  const lengths: number[] = [];
  let chunk = 0;
  let used = 0;
  const read = (asked: number): number => {
    const size = sizes[chunk] ?? 0;
    const taken = Math.min(asked, size - used);
    used += taken;
    if (used === size) {
      chunk++;
      used = 0;
    }
    return taken;
  };
  let prefetched = 0;
  while (chunk < sizes.length && prefetched < MAX_MEM_SPOOL - SURRENDER) prefetched += read(MAX_MEM_SPOOL - prefetched);
  if (prefetched > 0) lengths.push(prefetched);
  while (chunk < sizes.length) lengths.push(read(IOBUF));
  // Reads that are whole multiples of 8 KiB (but the last) give the same records as one body cut at 8 KiB.
  if (lengths.slice(0, -1).every((length) => length % IOBUF === 0)) return { lengths };
  return {
    lengths,
    change: {
      kind: 'framed',
      message: msg('change.proxyFcgiReads', { first: lengths[0] ?? 0, reads: lengths.length }),
    },
  };
}

/**
 * Whether the prefetch read the whole body, its end included: then mod_proxy_fcgi knows the length and sends it,
 * in plain digits; else it streams the rest, a Content-Length as sent and a chunked body still chunked. The HTTP
 * input filter returns the end of a Content-Length body with its last bytes, and the end of a chunked body only on
 * the read after its last chunk, which the prefetch makes while it holds fewer than 16,304 bytes (captured: a
 * Content-Length of 16,384 bytes plain, 16,385 as sent; chunked 16,303 whole, 16,304 streamed).
 */
export function prefetchReadsAll(context: RequestContext): boolean {
  const { length } = context.request.body;
  return context.request.framing === 'chunked' ? length < MAX_MEM_SPOOL - SURRENDER : length <= MAX_MEM_SPOOL;
}

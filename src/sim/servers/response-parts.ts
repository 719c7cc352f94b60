/** Parts every server's response building shares. */
import { VOLATILE } from '../volatile.ts';

const NO_CONTENT = new Uint8Array(0);

/**
 * The content a server sends for a request: none for HEAD, whose header fields still describe the content a GET
 * would get (RFC 9110 §9.3.2: "The server SHOULD send the same header fields in response to a HEAD request as it
 * would have sent if the request method had been GET", and a HEAD response has no content).
 */
export function contentFor(context: { isHead: boolean } | null, content: Uint8Array): Uint8Array {
  return context?.isHead ? NO_CONTENT : content;
}

/** The `Date` header field as the servers write it, with the fixed value captures are masked to (`VOLATILE`). */
export function dateHeader(): [string, string] {
  return ['Date', VOLATILE.headers.Date];
}

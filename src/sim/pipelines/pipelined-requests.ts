import type { WebServerProfile } from '../servers/profile.ts';
import { parseRequest } from '../http/parse-request.ts';
import { createRequestContext } from '../servers/request-context.ts';

/**
 * How many requests on one connection a trace follows. The real servers answer every pipelined request
 * (RFC 9112 §9.3.2: "A server MAY process a sequence of pipelined requests in parallel if they all have safe
 * methods … but it MUST send the corresponding responses in the same order that the requests were received"); a
 * trace stops after this many, so that its size grows with the bytes it shows, and says in `Trace.unfollowed` (and
 * in a change on its last hop) how many further requests and bytes it left out. A hundred is far more than any
 * lesson needs and keeps a trace of small GETs to a few megabytes of JSON.
 */
export const MAX_PIPELINED_REQUESTS = 100;

/** Whether bytes hold more than line ends and spaces (servers skip those between pipelined requests). */
export function hasContent(bytes: Uint8Array): boolean {
  return bytes.some((b) => b !== 0x0d && b !== 0x0a && b !== 0x20);
}

/**
 * How many requests the server would still read from these bytes: each complete request it keeps the connection
 * open after counts, and the first malformed or incomplete one, or one it closes the connection after, counts and
 * ends the count. Reads each request once, so the work is linear in the bytes.
 */
export function countPipelinedRequests(server: WebServerProfile, bytes: Uint8Array): number {
  let count = 0;
  let at = 0;
  while (at < bytes.length && hasContent(bytes.subarray(at))) {
    count++;
    const rest = bytes.subarray(at);
    const parsed = parseRequest(rest, server.httpOptions);
    if (!parsed.ok) break;
    const context = createRequestContext(rest, parsed.request, server.httpOptions.targetSyntax);
    if (context.closes || server.vet(context)) break;
    const consumed = server.consumedBytes?.(context) ?? parsed.request.length;
    if (consumed <= 0) break;
    at += consumed;
  }
  return count;
}

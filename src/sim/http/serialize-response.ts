import type { HttpResponse } from './types.ts';
import { concatBytes, fromLatin1 } from '../bytes.ts';

/** Serialises a response: status line, header fields, CRLF, body bytes as given (RFC 9112 §4, §5). */
export function serializeResponse(response: HttpResponse): Uint8Array {
  // An empty version is an HTTP/0.9-style answer: the body alone, as Python's http.server sends for a bad version.
  if (response.version === '') return response.body;
  let head = `${response.statusLine ?? `${response.version} ${response.status} ${response.reason}`}\r\n`;
  for (const [name, value] of response.headers) head += `${name}: ${value}\r\n`;
  head += '\r\n';
  return concatBytes([fromLatin1(head), response.body]);
}

/** Frames a body with chunked transfer coding (RFC 9112 §7.1), one chunk per part, then the last-chunk. */
export function encodeChunked(parts: readonly Uint8Array[]): Uint8Array {
  const out: Uint8Array[] = [];
  for (const part of parts) {
    if (part.length === 0) continue;
    out.push(fromLatin1(`${part.length.toString(16)}\r\n`), part, fromLatin1('\r\n'));
  }
  out.push(fromLatin1('0\r\n\r\n'));
  return concatBytes(out);
}

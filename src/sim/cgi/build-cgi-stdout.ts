import { concatBytes, fromLatin1 } from '../bytes.ts';

/** Writes CGI stdout: `Status:` first when given, then the header fields, a blank line and the body (RFC 3875 §6). */
export function buildCgiStdout(
  status: string | null,
  headers: readonly (readonly [string, string])[],
  body: Uint8Array,
  lineEnd: '\r\n' | '\n' = '\r\n',
): Uint8Array {
  let head = status === null ? '' : `Status: ${status}${lineEnd}`;
  for (const [name, value] of headers) head += `${name}: ${value}${lineEnd}`;
  return concatBytes([fromLatin1(head + lineEnd), body]);
}

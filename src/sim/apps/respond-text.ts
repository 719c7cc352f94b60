import { utf8 } from '../bytes.ts';

/** Escapes text for HTML the way frameworks' autoescaping does (& < > " '). */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/&#38;/g, '&amp;')
    .replace(/&#60;/g, '&lt;')
    .replace(/&#62;/g, '&gt;')
    .replace(/&#34;/g, '&quot;');
}

/** Encodes a body as UTF-8 and returns it with its Content-Length. */
export function textBody(text: string): { body: Uint8Array; length: string } {
  const body = utf8(text);
  return { body, length: String(body.length) };
}

/** Turns a latin-1 "bytes-as-str" path into the text a Python 3 framework decodes (UTF-8, replacement on errors). */
export function decodePath(bytesAsStr: string): string {
  const bytes = Uint8Array.from(bytesAsStr, (c) => c.charCodeAt(0) & 0xff);
  return new TextDecoder('utf-8').decode(bytes);
}

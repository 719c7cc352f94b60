/** Python standard-library text helpers the framework models share, with Python's exact output. */

const ALWAYS_SAFE = /[A-Za-z0-9_.\-~]/;

/**
 * urllib.parse.quote(text, safe): the text as UTF-8, every byte percent-encoded (upper-case hex) unless it is an
 * ASCII letter, digit, `_.-~` or one of `safe`.
 */
export function pyQuote(text: string, safe: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && (ALWAYS_SAFE.test(char) || safe.includes(char)) ? char : percent(byte);
  }
  return out;
}

function percent(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** html.escape(text, quote=True): `& < > " '` as `&amp; &lt; &gt; &quot; &#x27;`. */
export function pyHtmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES.get(char) ?? char);
}

const HTML_ESCAPES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#x27;'],
]);

/** A latin-1 "bytes as str" value (a WSGI environ str) as its bytes. */
export function latin1Bytes(bytesAsStr: string): Uint8Array {
  return Uint8Array.from(bytesAsStr, (char) => char.charCodeAt(0) & 0xff);
}

/** urllib.parse.unquote(text): each run of %XX escapes decoded as UTF-8 (errors replaced), everything else kept. */
export function pyUnquote(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
    new TextDecoder().decode(Uint8Array.from(run.slice(1).split('%'), (hex) => parseInt(hex, 16))),
  );
}

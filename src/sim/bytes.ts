/** Byte helpers: the simulator keeps bytes as Uint8Array and shows them as latin-1 text (one char per byte). */

const SMALL = 2048;
// WHATWG's "latin1" label is windows-1252, so decode zero-extended UTF-16 code units instead: exact and native.
const UTF16 = new TextDecoder('utf-16le');

/** Decodes bytes as latin-1: every byte becomes the char with the same code (PEP 3333 "bytes-as-str"). */
export function latin1(bytes: Uint8Array): string {
  if (bytes.length <= SMALL) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  return UTF16.decode(Uint16Array.from(bytes));
}

/** Encodes a latin-1 string to bytes; chars above U+00FF keep their low 8 bits. */
export function fromLatin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Encodes a JS string as UTF-8 bytes. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Re-reads a UTF-8 string as latin-1 text (what a bytes-as-str value looks like). */
export function utf8AsLatin1(text: string): string {
  return latin1(utf8(text));
}

const HEX_DIGITS = Uint16Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex of the bytes, two digits per byte, no separators. */
export function toHex(bytes: Uint8Array): string {
  if (bytes.length <= SMALL) {
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += HEX_PAIRS[bytes[i] ?? 0];
    return out;
  }
  const units = new Uint16Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    units[i * 2] = HEX_DIGITS[byte >> 4] ?? 0;
    units[i * 2 + 1] = HEX_DIGITS[byte & 15] ?? 0;
  }
  return UTF16.decode(units);
}

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

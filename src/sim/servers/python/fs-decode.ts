/**
 * Python's `os.fsdecode` on Linux under the C locale, which Python 3.7+ coerces to UTF-8 (PEP 538/540): UTF-8, with
 * every byte that is not part of a valid sequence turned into a lone surrogate U+DC80–U+DCFF (PEP 383
 * "surrogateescape"), so `os.fsencode` gives the same bytes back. `bytes` is latin-1 text, one char per byte.
 */
export function fsDecode(bytes: string): string {
  let out = '';
  let at = 0;
  while (at < bytes.length) {
    const length = validSequenceLength(bytes, at);
    if (length === 0) {
      out += String.fromCharCode(0xdc00 + bytes.charCodeAt(at));
      at += 1;
      continue;
    }
    out += decodeSequence(bytes, at, length);
    at += length;
  }
  return out;
}

/** The length of the well-formed UTF-8 sequence at `at` (Unicode 15 Table 3-7), or 0 if there is none. */
function validSequenceLength(bytes: string, at: number): number {
  const lead = bytes.charCodeAt(at);
  if (lead < 0x80) return 1;
  const byte = (offset: number): number => (at + offset < bytes.length ? bytes.charCodeAt(at + offset) : -1);
  const continuation = (offset: number, low = 0x80, high = 0xbf): boolean => {
    const value = byte(offset);
    return value >= low && value <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    // E0 needs A0–BF (no overlongs), ED needs 80–9F (no UTF-16 surrogates).
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    // F0 needs 90–BF (no overlongs), F4 needs 80–8F (nothing above U+10FFFF).
    const [low, high] = lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

function decodeSequence(bytes: string, at: number, length: number): string {
  const lead = bytes.charCodeAt(at);
  if (length === 1) return bytes.charAt(at);
  let codePoint = lead & (0xff >> (length + 1));
  for (let offset = 1; offset < length; offset++) codePoint = (codePoint << 6) | (bytes.charCodeAt(at + offset) & 0x3f);
  return String.fromCodePoint(codePoint);
}

/** Bytes (or latin-1 text) as printable ASCII: `\r`, `\n`, `\t`, `\\` and `\xNN` for everything else unprintable. */
export function escapeBytes(input: string | Uint8Array): string {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x0d) out += '\\r';
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x09) out += '\\t';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** Hex dump rows: offset, bytes and their ASCII, 16 bytes a row. */

/** One row of a hex dump. */
export interface HexRow {
  /** Offset of the first byte of the row. */
  offset: number;
  /** The row's bytes. */
  bytes: number[];
  /** Printable ASCII for each byte, "." for the rest. */
  ascii: string;
}

const RE_HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Parses a hex string ("0101…") into bytes; throws on odd length or non-hex characters. */
export function hexToBytes(hex: string): Uint8Array {
  if (!RE_HEX.test(hex)) throw new Error(`not a hex byte string: ${hex.slice(0, 20)}`);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Shows a byte as printable ASCII, or "." for control and non-ASCII bytes. */
export function asciiOf(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
}

/** Two lowercase hex digits. */
export function hexByte(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

/** Splits bytes into rows of `width` (16 by default). */
export function hexRows(bytes: Uint8Array, width = 16): HexRow[] {
  const rows: HexRow[] = [];
  for (let offset = 0; offset < bytes.length; offset += width) {
    const slice = [...bytes.subarray(offset, offset + width)];
    rows.push({ offset, bytes: slice, ascii: slice.map(asciiOf).join('') });
  }
  return rows;
}

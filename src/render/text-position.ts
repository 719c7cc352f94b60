/** Maps a byte offset in the UTF-8 encoding of a text to a character index, line and column. */

/** Where a byte offset falls in the text. */
export interface TextPosition {
  /** Index into the JavaScript string (UTF-16 code units). */
  index: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in characters (code points). */
  column: number;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Finds the character holding byte `offset` of the text's UTF-8 encoding; past the end it is the end. */
export function positionOfByte(text: string, offset: number): TextPosition {
  let bytes = 0;
  let line = 1;
  let column = 1;
  let index = 0;
  for (const char of text) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (bytes + size > offset) break;
    bytes += size;
    index += char.length;
    if (char === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { index, line, column };
}

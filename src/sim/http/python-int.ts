/**
 * Python's `int(text, base)` for base 10 and 16 (Python Language Reference, "Integer literals", and the built-in
 * `int()`): surrounding whitespace, an optional sign, single `_` between digits, and in base 16 an optional `0x`
 * prefix. Returns null where Python raises ValueError. Servers written in Python read Content-Length values and
 * chunk sizes this way.
 */
const PATTERNS: Readonly<Record<10 | 16, RegExp>> = {
  10: /^[ \t\n\r\v\f]*([+-]?)([0-9](?:_?[0-9])*)[ \t\n\r\v\f]*$/,
  16: /^[ \t\n\r\v\f]*([+-]?)(?:0[xX]_?)?([0-9a-fA-F](?:_?[0-9a-fA-F])*)[ \t\n\r\v\f]*$/,
};

export function pythonInt(text: string, base: 10 | 16): number | null {
  const match = PATTERNS[base].exec(text);
  if (!match) return null;
  const value = parseInt((match[2] ?? '').replaceAll('_', ''), base);
  return match[1] === '-' ? -value : value;
}

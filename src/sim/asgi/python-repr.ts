/**
 * Python's repr() of the str and bytes values an ASGI scope holds, so a trace shows the scope as the application
 * sees it: `'/app/café'` is a str, `b'/app/caf%C3%A9'` is bytes. Quotes as CPython chooses them: single quotes
 * unless the text holds a single quote and no double quote.
 */

/** Characters CPython's str.isprintable() rejects (other than the space): controls, format, separators, unassigned. */
const RE_NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]|(?! )\p{Zs}/u;

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function quoteFor(text: string): string {
  return text.includes("'") && !text.includes('"') ? '"' : "'";
}

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

/** repr() of a Python str. */
export function reprStr(text: string): string {
  const quote = quoteFor(text);
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const escape = ESCAPES[char];
    if (escape !== undefined) out += escape;
    else if (char === quote) out += `\\${quote}`;
    else if (!RE_NOT_PRINTABLE.test(char)) out += char;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${quote}${out}${quote}`;
}

/** repr() of a Python bytes object, given as latin-1 text (one character per byte). */
export function reprBytes(latin1: string): string {
  const quote = quoteFor(latin1);
  let out = '';
  for (const char of latin1) {
    const code = char.charCodeAt(0);
    const escape = ESCAPES[char];
    if (escape !== undefined) out += escape;
    else if (char === quote) out += `\\${quote}`;
    else if (code >= 0x20 && code < 0x7f) out += char;
    else out += `\\x${hex(code, 2)}`;
  }
  return `b${quote}${out}${quote}`;
}

/** repr() of a tuple of a str host and an int port, as ASGI's `client` and `server`. */
export function reprAddress(host: string, port: string): string {
  return `(${reprStr(host)}, ${port})`;
}

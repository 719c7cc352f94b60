/** Turns trace text (latin-1: one character per byte) into what a reader should see. */

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes latin-1 text as UTF-8 when its bytes are valid UTF-8; otherwise keeps the latin-1 reading. */
export function displayText(latin1: string): string {
  if (/^[\x00-\x7f]*$/.test(latin1) || /[^\x00-\xff]/.test(latin1)) return latin1;
  const bytes = Uint8Array.from(latin1, (c) => c.charCodeAt(0) & 0xff);
  try {
    return decoder.decode(bytes);
  } catch {
    return latin1;
  }
}

/** Makes control characters visible as escapes, the way the trace CLI prints them; LF keeps its line break. */
export function visibleControls(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, (c) =>
    c === '\r'
      ? '\\r'
      : c === '\n'
        ? '\\n\n'
        : c === '\t'
          ? '\\t'
          : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** Cuts long text to `max` characters, saying how much was left out. */
export function clip(text: string, max: number): { text: string; omitted: number } {
  return text.length <= max ? { text, omitted: 0 } : { text: text.slice(0, max), omitted: text.length - max };
}

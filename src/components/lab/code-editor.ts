/**
 * A light code editor around a plain `<textarea>`: monospace, line numbers beside it (hidden from screen readers,
 * which announce the line themselves), Tab and Shift+Tab indent and outdent, Enter keeps the line's indentation.
 * Tab stays a way out of the editor: after Esc, the next Tab moves focus on as usual. The text is only ever a
 * textarea's value: nothing typed is parsed as HTML.
 */
const INDENT = '    ';

export class CodeEditor extends HTMLElement {
  #abort = new AbortController();
  #gutter: HTMLElement | undefined;
  /** Esc was pressed: the next Tab leaves the editor. */
  #escaped = false;

  connectedCallback(): void {
    const area = this.textarea;
    if (!area || this.#gutter) return;
    const gutter = document.createElement('div');
    gutter.className = 'code-editor-gutter';
    gutter.setAttribute('aria-hidden', 'true');
    this.insertBefore(gutter, area);
    this.#gutter = gutter;
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    area.addEventListener('input', () => this.#number(), { signal });
    area.addEventListener('scroll', () => (gutter.scrollTop = area.scrollTop), { signal });
    area.addEventListener('keydown', (event) => this.#onKey(event), { signal });
    area.addEventListener('blur', () => (this.#escaped = false), { signal });
    this.#number();
  }

  disconnectedCallback(): void {
    this.#abort.abort();
    this.#gutter?.remove();
    this.#gutter = undefined;
  }

  get textarea(): HTMLTextAreaElement | null {
    return this.querySelector('textarea');
  }

  /** The text. */
  get value(): string {
    return this.textarea?.value ?? '';
  }

  /** Replaces the text (line numbers follow). */
  set value(text: string) {
    const area = this.textarea;
    if (!area) return;
    area.value = text;
    this.#number();
  }

  /** Writes one number per line into the gutter (only when the count changed). */
  #number(): void {
    const gutter = this.#gutter;
    if (!gutter) return;
    const lines = this.value.split('\n').length;
    if (gutter.dataset['lines'] === String(lines)) return;
    gutter.dataset['lines'] = String(lines);
    gutter.textContent = Array.from({ length: lines }, (_, i) => String(i + 1)).join('\n');
  }

  #onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      this.#escaped = true;
      return;
    }
    if (event.key === 'Tab' && !this.#escaped && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      if (event.shiftKey) this.#outdent();
      else this.#indent();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      this.#newline();
    }
    if (event.key !== 'Shift') this.#escaped = false;
  }

  /** Inserts text at the selection, keeping the browser's undo history where it can. */
  #insert(text: string): void {
    const area = this.textarea;
    if (!area) return;
    // execCommand keeps undo working; where it is gone, setRangeText does the same edit without undo.
    if (!document.execCommand('insertText', false, text)) {
      area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  /** The selected lines: where the first starts and the last ends. */
  #lineRange(area: HTMLTextAreaElement): [number, number] {
    const start = area.value.lastIndexOf('\n', area.selectionStart - 1) + 1;
    const endBreak = area.value.indexOf('\n', Math.max(area.selectionEnd - 1, area.selectionStart));
    return [start, endBreak < 0 ? area.value.length : endBreak];
  }

  #indent(): void {
    const area = this.textarea;
    if (!area) return;
    if (!area.value.slice(area.selectionStart, area.selectionEnd).includes('\n')) {
      this.#insert(INDENT);
      return;
    }
    const [start, end] = this.#lineRange(area);
    const lines = area.value.slice(start, end).replace(/^/gm, INDENT);
    area.setSelectionRange(start, end);
    this.#insert(lines);
    area.setSelectionRange(start, start + lines.length);
  }

  #outdent(): void {
    const area = this.textarea;
    if (!area) return;
    const [start, end] = this.#lineRange(area);
    const before = area.value.slice(start, end);
    const lines = before.replace(/^ {1,4}/gm, '');
    if (lines === before) return;
    area.setSelectionRange(start, end);
    this.#insert(lines);
    area.setSelectionRange(start, start + lines.length);
  }

  /** A new line with the current line's indentation, one level more after a line ending in a colon. */
  #newline(): void {
    const area = this.textarea;
    if (!area) return;
    const lineStart = area.value.lastIndexOf('\n', area.selectionStart - 1) + 1;
    const line = area.value.slice(lineStart, area.selectionStart);
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    this.#insert(`\n${indent}${line.trimEnd().endsWith(':') ? INDENT : ''}`);
  }
}

if (!customElements.get('code-editor')) customElements.define('code-editor', CodeEditor);

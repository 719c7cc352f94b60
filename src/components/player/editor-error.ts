/** Shows a malformed request's located error under the editor, with the offending character marked. */
import type { LocatedError } from '../../sim/index.ts';
import type { PlayerStrings } from '../../i18n/player.ts';
import type { Engine } from './pipeline-player.ts';

/** Fills `box` with the error (or empties it) and sets the editor's aria-invalid to match. */
export function showEditorError(
  e: Engine,
  box: HTMLElement,
  editor: HTMLTextAreaElement,
  error: LocatedError | null,
  text: string,
  strings: PlayerStrings,
): void {
  if (!error) {
    box.replaceChildren();
    editor.removeAttribute('aria-invalid');
    return;
  }
  const position = e.positionOfByte(text, error.offset);
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const line = lines[position.line - 1] ?? '';
  const column = [...line].slice(0, position.column - 1).join('').length;
  const marked = document.createElement('pre');
  marked.className = 'editor-error-line';
  const mark = document.createElement('mark');
  mark.textContent = line.slice(column, column + 1) || ' ';
  marked.append(line.slice(0, column), mark, line.slice(column + 1));
  box.replaceChildren(e.toDom(e.renderError(error, text, strings)), marked);
  editor.setAttribute('aria-invalid', 'true');
}

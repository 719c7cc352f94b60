/**
 * The full-screen dialog of a diagram: a copy of the figure in a modal `<dialog>`, large. Esc, the close button or a
 * click on the backdrop closes it, and focus returns to the button that opened it. The copy keeps its links (term
 * pages) and node buttons (the player: the dialog sits inside the player's diagram, so a node still moves to its
 * step, and the dialog closes).
 */
import { DIAGRAM_UI, diagramLang } from '../i18n/diagram.ts';

const BUTTON = 'data-diagram-fullscreen';

/** Opens a copy of `figure` in a modal dialog; focus goes back to `opener` when it closes. */
export function openFullScreen(figure: HTMLElement, opener: HTMLElement): HTMLDialogElement {
  const ui = DIAGRAM_UI[diagramLang()];
  const dialog = document.createElement('dialog');
  dialog.className = 'diagram-dialog';
  const title = figure.querySelector('.diagram-title')?.textContent?.trim() ?? '';
  if (title) dialog.setAttribute('aria-label', title);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'diagram-dialog-close';
  close.textContent = ui.close;
  close.addEventListener('click', () => dialog.close());
  const copy = figure.cloneNode(true) as HTMLElement;
  for (const element of copy.querySelectorAll(`[${BUTTON}]`)) element.remove();
  // Ids stay unique; a drawing's references (markers, gradients) resolve to the original's.
  for (const element of copy.querySelectorAll('[id]')) element.removeAttribute('id');
  for (const element of copy.querySelectorAll('[tabindex]')) element.removeAttribute('tabindex');
  const body = document.createElement('div');
  body.className = 'diagram-dialog-body';
  body.append(copy);
  dialog.append(close, body);
  dialog.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target === dialog || target.closest('a[href], button[data-node]')) dialog.close();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener.focus();
  });
  (figure.parentElement ?? document.body).append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}

/**
 * Full-screen diagrams: a button in a diagram's caption opens a copy of it in a modal `<dialog>`, large. Esc, the
 * close button or a click on the backdrop closes it, and focus returns to the button. The copy keeps its links (term
 * pages) and node buttons (the player: the dialog sits inside the player's diagram, so a node still moves to its
 * step, and the dialog closes).
 */
import { DIAGRAM_UI, diagramLang } from '../i18n/diagram.ts';
import { fill } from '../i18n/fill.ts';

const BUTTON = 'data-diagram-fullscreen';

/** Adds the full-screen button to a diagram's caption (once). */
export function addFullScreenButton(figure: HTMLElement): void {
  const caption = figure.querySelector(':scope > figcaption');
  if (!caption || caption.querySelector(`[${BUTTON}]`)) return;
  const ui = DIAGRAM_UI[diagramLang()];
  const title = caption.querySelector('.diagram-title')?.textContent?.trim() ?? '';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'diagram-fullscreen';
  button.setAttribute(BUTTON, '');
  button.setAttribute('aria-label', title ? fill(ui.fullScreenOf, { title }) : ui.fullScreen);
  button.innerHTML =
    '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M2 2h5v2H4v3H2zM9 2h5v5h-2V4H9zM2 9h2v3h3v2H2zM12 9h2v5H9v-2h3z"/></svg>';
  button.append(document.createTextNode(ui.fullScreen));
  caption.append(button);
}

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

/** Gives every pipeline chart on the page its button, and opens diagrams when one is pressed. */
function start(): void {
  for (const chart of document.querySelectorAll<HTMLElement>('figure.pipeline-chart')) addFullScreenButton(chart);
  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>(`[${BUTTON}]`);
    const figure = button?.closest<HTMLElement>('figure');
    if (button && figure) openFullScreen(figure, button);
  });
}

start();

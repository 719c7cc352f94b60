/**
 * Full-screen diagrams: a button in a diagram's caption opens a copy of it in a modal `<dialog>`, large (see
 * `diagram-dialog-open.ts`).
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

/** Gives every pipeline chart on the page its button, and opens diagrams when one is pressed. */
function start(): void {
  for (const chart of document.querySelectorAll<HTMLElement>('figure.pipeline-chart')) addFullScreenButton(chart);
  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>(`[${BUTTON}]`);
    const figure = button?.closest<HTMLElement>('figure');
    // The dialog's code loads on the first press: pages that never open one do not pay for it.
    if (button && figure)
      void import('./diagram-dialog-open.ts').then(({ openFullScreen }) => openFullScreen(figure, button));
  });
}

start();

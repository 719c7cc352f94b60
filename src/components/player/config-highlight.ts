/**
 * Links the steps' "Set by" cells to the configuration panel: pointing at a variable's row, or focusing one of its
 * links, lights up the configuration lines behind it and scrolls the panel to them. A click pins the line (without
 * touching the URL, which holds the player's state).
 */

import type { Hop } from '../../sim/index.ts';
import { originAnchor } from '../../render/origin-anchor.ts';
import { isConfigOpen, setConfigOpen } from './config-fold.ts';

const LIT = 'is-origin';
const STEP = 'is-step';

/** Lines of the panel that an anchor id names. */
function linesNamed(panel: HTMLElement, ids: readonly string[]): HTMLElement[] {
  const wanted = new Set(ids);
  return [...panel.querySelectorAll<HTMLElement>('[data-anchors]')].filter((line) =>
    line.dataset['anchors']?.split(' ').some((id) => wanted.has(id)),
  );
}

/** Scrolls the panel (not the page) until `line` is in its view, a third of the way down. */
function scrollPanelTo(panel: HTMLElement, line: HTMLElement): void {
  const box = panel.getBoundingClientRect();
  const at = line.getBoundingClientRect();
  if (at.top >= box.top && at.bottom <= box.bottom) return;
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  panel.scrollTo({
    top: panel.scrollTop + at.top - box.top - panel.clientHeight / 3,
    behavior: reduced ? 'auto' : 'smooth',
  });
}

/**
 * The configuration lines a step lights, as anchor ids in the order the step names them: the lines that send the
 * request along the hop (routes, such as mod_wsgi's WSGIProcessGroup) or set a limit the step refuses the request
 * for, then the lines behind the variables the
 * step's changes name (`to`, then `from`), change by change. Variables the hop merely carries stay unlit: their
 * lines light from their own "Set by" links.
 */
export function stepLineIds(hop: Hop | undefined): string[] {
  const origins = hop?.origins ?? [];
  const names = (hop?.changes ?? []).flatMap((change) => [change.to, change.from]);
  const chosen = [
    ...origins.filter((origin) => origin.route || origin.limit),
    ...names.flatMap((name) => origins.filter((origin) => !origin.route && origin.name === name)),
  ];
  return [...new Set(chosen.map((origin) => originAnchor(origin.file, origin.directive)))];
}

/**
 * Marks the lines the step on show names (see `stepLineIds`) and brings the first it names into the panel's view, so
 * the configuration follows the player.
 */
export function markStepLines(player: HTMLElement, hop: Hop | undefined): void {
  const panel = player.querySelector<HTMLElement>('[data-config-panel]');
  if (!panel) return;
  for (const line of panel.querySelectorAll(`.${STEP}`)) line.classList.remove(STEP);
  const ids = stepLineIds(hop);
  for (const line of linesNamed(panel, ids)) line.classList.add(STEP);
  panel.dataset['first'] = ids.find((id) => linesNamed(panel, [id]).length > 0) ?? '';
  revealStepLine(player);
}

/** Brings into the panel's view the first line the step names (unless a line pointed at is lit). */
export function revealStepLine(player: HTMLElement): void {
  const panel = player.querySelector<HTMLElement>('[data-config-panel]');
  const id = panel?.dataset['first'];
  if (!panel || !id || panel.hidden || panel.querySelector(`.${LIT}`)) return;
  const first = linesNamed(panel, [id])[0];
  if (first) scrollPanelTo(panel, first);
}

/** Lights the lines behind the rows and links inside `player`; returns nothing, stops when `signal` aborts. */
export function bindConfigHighlight(player: HTMLElement, signal: AbortSignal): void {
  const panel = player.querySelector<HTMLElement>('[data-config-panel]');
  if (!panel) return;
  let pinned: string[] = [];
  const light = (ids: readonly string[], row: Element | null): void => {
    for (const element of player.querySelectorAll(`.${LIT}`)) element.classList.remove(LIT);
    const found = linesNamed(panel, ids);
    for (const line of found) line.classList.add(LIT);
    row?.classList.add(LIT);
    if (found[0]) scrollPanelTo(panel, found[0]);
  };

  /** What an event target points at: the link's own line, or every line of its row. */
  const pointedAt = (target: EventTarget | null): { ids: string[]; row: Element | null } | undefined => {
    if (!(target instanceof Element)) return undefined;
    const link = target.closest<HTMLElement>('.origin-link[data-origin]');
    const row = target.closest<HTMLElement>('tr[data-origins]');
    if (link?.dataset['origin']) return { ids: [link.dataset['origin']], row };
    if (row?.dataset['origins']) return { ids: row.dataset['origins'].split(' '), row };
    return undefined;
  };

  const restore = (): void => light(pinned, null);
  const options = { signal };
  const enter = (event: Event): void => {
    const at = pointedAt(event.target);
    if (at) light(at.ids, at.row);
  };
  // Leaving a row or link for somewhere that points at no line puts back the pinned line (or none).
  const leave = (event: PointerEvent | FocusEvent): void => {
    if (pointedAt(event.target) && !pointedAt(event.relatedTarget)) restore();
  };
  player.addEventListener('pointerover', enter, options);
  player.addEventListener('focusin', enter, options);
  player.addEventListener('pointerout', leave, options);
  player.addEventListener('focusout', leave, options);
  player.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element).closest<HTMLElement>('.origin-link[data-origin]');
      if (!link?.dataset['origin']) return;
      event.preventDefault();
      if (!isConfigOpen(player)) setConfigOpen(player, true);
      pinned = [link.dataset['origin']];
      light(pinned, link.closest('tr'));
    },
    options,
  );
}

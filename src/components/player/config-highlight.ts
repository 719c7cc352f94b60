/**
 * Links the steps' "Set by" cells to the configuration panel: pointing at a variable's row, or focusing one of its
 * links, lights up the configuration lines behind it and scrolls the panel to them. A click pins the line (without
 * touching the URL, which holds the player's state).
 */

const LIT = 'is-origin';

/** Lights the lines behind the rows and links inside `player`; returns nothing, stops when `signal` aborts. */
export function bindConfigHighlight(player: HTMLElement, signal: AbortSignal): void {
  const panel = player.querySelector<HTMLElement>('[data-config-panel]');
  if (!panel) return;
  let pinned: string[] = [];
  const reduced = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  const lines = (ids: readonly string[]): HTMLElement[] =>
    ids.flatMap((id) =>
      [...panel.querySelectorAll<HTMLElement>('[data-anchors]')].filter((line) =>
        line.dataset['anchors']?.split(' ').includes(id),
      ),
    );

  const light = (ids: readonly string[], row: Element | null): void => {
    for (const element of player.querySelectorAll(`.${LIT}`)) element.classList.remove(LIT);
    const found = lines(ids);
    for (const line of found) line.classList.add(LIT);
    row?.classList.add(LIT);
    const first = found[0];
    if (!first) return;
    const box = panel.getBoundingClientRect();
    const at = first.getBoundingClientRect();
    if (at.top >= box.top && at.bottom <= box.bottom) return;
    panel.scrollTo({
      top: panel.scrollTop + at.top - box.top - panel.clientHeight / 3,
      behavior: reduced() ? 'auto' : 'smooth',
    });
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
  player.addEventListener(
    'pointerover',
    (event) => {
      const at = pointedAt(event.target);
      if (at) light(at.ids, at.row);
    },
    options,
  );
  player.addEventListener(
    'pointerout',
    (event) => {
      const from = pointedAt(event.target);
      const to = pointedAt(event.relatedTarget);
      if (from && !to) restore();
    },
    options,
  );
  player.addEventListener(
    'focusin',
    (event) => {
      const at = pointedAt(event.target);
      if (at) light(at.ids, at.row);
    },
    options,
  );
  player.addEventListener(
    'focusout',
    (event) => {
      if (pointedAt(event.target) && !pointedAt(event.relatedTarget)) restore();
    },
    options,
  );
  player.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element).closest<HTMLElement>('.origin-link[data-origin]');
      if (!link?.dataset['origin']) return;
      event.preventDefault();
      pinned = [link.dataset['origin']];
      light(pinned, link.closest('tr'));
    },
    options,
  );
}

/**
 * Folds the configuration panel. It starts open where it sits beside the player (wide screens) and folded where it
 * would sit between the player and the inspector, so the step on show stays in view; the reader's own choice is kept
 * for the session (sessionStorage) and wins from then on. A "Set by" link opens a folded panel before lighting.
 */

const KEY = 'hbh-config-open';

/** The reader's choice this session, if they made one. */
function storedChoice(): boolean | undefined {
  try {
    const value = sessionStorage.getItem(KEY);
    return value === null ? undefined : value === 'true';
  } catch {
    return undefined;
  }
}

function storeChoice(open: boolean): void {
  try {
    sessionStorage.setItem(KEY, String(open));
  } catch {
    // Storage refused (private mode, disabled): the choice lasts until the page is left.
  }
}

/** Opens or folds the panel of `player`. */
export function setConfigOpen(player: HTMLElement, open: boolean): void {
  const toggle = player.querySelector<HTMLButtonElement>('[data-config-toggle]');
  const body = player.querySelector<HTMLElement>('[data-config-panel]');
  if (!toggle || !body) return;
  toggle.setAttribute('aria-expanded', String(open));
  body.hidden = !open;
  player.querySelector('[data-config]')?.toggleAttribute('data-folded', !open);
}

/** Whether the panel is open. */
export function isConfigOpen(player: HTMLElement): boolean {
  return player.querySelector('[data-config-toggle]')?.getAttribute('aria-expanded') !== 'false';
}

/** Binds the fold toggle; calls `opened` each time the panel opens (to bring the step's line into view). */
export function bindConfigFold(player: HTMLElement, signal: AbortSignal, opened: () => void): void {
  const aside = player.querySelector<HTMLElement>('[data-config]');
  const toggle = player.querySelector<HTMLButtonElement>('[data-config-toggle]');
  if (!aside || !toggle) return;
  /** The panel sits in the grid's second column: beside the player. */
  const beside = (): boolean => getComputedStyle(aside).gridColumnStart === '2';
  const auto = (): void => {
    if (storedChoice() !== undefined) return;
    const open = beside();
    if (open !== isConfigOpen(player)) {
      setConfigOpen(player, open);
      if (open) opened();
    }
  };
  setConfigOpen(player, storedChoice() ?? beside());
  toggle.addEventListener(
    'click',
    () => {
      const open = !isConfigOpen(player);
      storeChoice(open);
      setConfigOpen(player, open);
      if (open) opened();
    },
    { signal },
  );
  const layout = player.querySelector('.player-layout');
  if (layout) {
    const observer = new ResizeObserver(auto);
    observer.observe(layout);
    signal.addEventListener('abort', () => observer.disconnect());
  }
}

/** How far below the viewport an embedded player starts loading. */
const ROOT_MARGIN = '200px 0px';

/**
 * Wraps an embedded player on a reading page: loads the player's code only when the player nears the viewport or
 * the reader reaches it by keyboard or pointer, so reading pages stay light.
 */
export class LazyPlayer extends HTMLElement {
  #observer: IntersectionObserver | undefined;
  #abort = new AbortController();

  connectedCallback(): void {
    const load = (): void => {
      this.#observer?.disconnect();
      this.#abort.abort();
      this.dataset['state'] = 'loading';
      void import('./pipeline-player.ts').then(() => (this.dataset['state'] = 'loaded'));
    };
    this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), {
      rootMargin: ROOT_MARGIN,
    });
    this.#observer.observe(this);
    for (const type of ['focusin', 'pointerenter']) {
      this.addEventListener(type, load, { once: true, signal: this.#abort.signal });
    }
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#abort.abort();
  }
}

if (!customElements.get('lazy-player')) customElements.define('lazy-player', LazyPlayer);

/**
 * `front-door`: plays the home page's trace once, the first time its first step is in view — each hop in turn
 * becomes the current one while later hops stay faint. Only opacity and colour change, so nothing moves. Under
 * prefers-reduced-motion it does nothing: the steps stay as they are, all readable.
 */
const STEP_MS = 1400;

export class FrontDoor extends HTMLElement {
  #timer: number | undefined;
  #observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#observer?.disconnect();
        this.play();
      },
      { threshold: 0.9 },
    );
    // The first step in view: on a phone the whole trace is taller than the screen.
    const first = this.querySelector('.front-door-step');
    if (first) this.#observer.observe(first);
    const replay = this.querySelector<HTMLButtonElement>('.front-door-replay');
    replay?.addEventListener('click', () => this.play());
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    window.clearTimeout(this.#timer);
  }

  /** Steps through every hop, then leaves the last one marked. */
  play(): void {
    const steps = [...this.querySelectorAll<HTMLElement>('.front-door-step')];
    window.clearTimeout(this.#timer);
    this.setAttribute('data-playing', '');
    const show = (current: number): void => {
      steps.forEach((step, index) => {
        step.dataset['state'] = index < current ? 'past' : index === current ? 'current' : 'future';
      });
      if (current + 1 < steps.length) {
        this.#timer = window.setTimeout(() => show(current + 1), STEP_MS);
        return;
      }
      this.#timer = window.setTimeout(() => {
        this.removeAttribute('data-playing');
        this.setAttribute('data-played', '');
        const replay = this.querySelector<HTMLButtonElement>('.front-door-replay');
        if (replay) replay.hidden = false;
      }, STEP_MS);
    };
    show(0);
  }
}

if (!customElements.get('front-door')) customElements.define('front-door', FrontDoor);

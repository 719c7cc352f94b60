/**
 * Makes the process model's form live. Loads nothing until the component nears the viewport; then the
 * model and the timeline renderer are imported, the form is enabled, and every change re-simulates.
 */
export class ProcessModel extends HTMLElement {
  #observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#observer?.disconnect();
        void import('./process-model-controller.ts').then(({ enhanceProcessModel }) => enhanceProcessModel(this));
      },
      { rootMargin: '0px 0px 200px 0px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }
}

if (!customElements.get('process-model')) customElements.define('process-model', ProcessModel);

/**
 * The lab's trace view: the pipeline chart, step buttons, the narration and the current step, drawn by the player's
 * own renderer (`renderTrace`, `pipelineChart`) and lit by its own hop highlighting. Loaded with the lab's engine,
 * never before the reader runs code.
 */
import type { Trace } from '../../sim/index.ts';
import type { PlayerStrings } from '../../i18n/player.ts';
import { fill } from '../../i18n/fill.ts';
import { renderMessage } from '../../i18n/render-message.ts';
import type { VElement } from '../../render/element-tree.ts';
import { renderTrace, type StepContext } from '../../render/render-trace.ts';
import { clampStep } from '../../player/url-state.ts';
import { toDom } from '../to-dom.ts';
import { highlightHops, markFailed, stepOfNode } from '../player/hop-highlight.ts';

/** What one run shows. */
export interface LabTraceView {
  trace: Trace;
  /** The request as text (for located errors). */
  text: string;
  /** The pipeline's chart, nodes as buttons. */
  chart: VElement;
  strings: PlayerStrings;
  context: StepContext;
}

export class LabTrace extends HTMLElement {
  #view: LabTraceView | undefined;
  #step = 1;
  #abort = new AbortController();

  connectedCallback(): void {
    this.dataset['enhanced'] = 'true';
    this.dataset['annotations'] = 'on';
    const signal = this.#abort.signal;
    this.addEventListener(
      'click',
      (event) => {
        const target = event.target as Element;
        const node = target.closest<HTMLButtonElement>('[data-chart] button[data-node]');
        if (node && this.#view) {
          const step = stepOfNode(this.#view.trace.hops, node.dataset['node'] ?? '');
          if (step !== undefined) this.go(step);
          return;
        }
        const action = target.closest<HTMLButtonElement>('button[data-step-action]')?.dataset['stepAction'];
        const count = this.#view?.trace.hops.length ?? 1;
        if (action === 'first') this.go(1);
        else if (action === 'previous') this.go(this.#step - 1);
        else if (action === 'next') this.go(this.#step + 1);
        else if (action === 'last') this.go(count);
      },
      { signal },
    );
    this.querySelector('[data-stage]')?.addEventListener(
      'keydown',
      (event) => {
        const key = (event as KeyboardEvent).key;
        const moves: Record<string, number> = { ArrowRight: this.#step + 1, ArrowLeft: this.#step - 1 };
        if (key === 'Home') this.go(1);
        else if (key === 'End') this.go(this.#view?.trace.hops.length ?? 1);
        else if (Object.hasOwn(moves, key)) this.go(moves[key] ?? 1);
        else return;
        event.preventDefault();
      },
      { signal },
    );
  }

  disconnectedCallback(): void {
    this.#abort.abort();
  }

  /** Draws a run's trace, at its first step. */
  show(view: LabTraceView): void {
    this.#view = view;
    this.#step = 1;
    this.querySelector('[data-chart]')?.replaceChildren(toDom(view.chart));
    const host = this.querySelector('[data-trace-host]');
    host?.replaceChildren(toDom(renderTrace(view.trace, view.text, view.strings, view.context)));
    // The response the client receives leads the report above the steps; the trace does not repeat it.
    host?.querySelector('.trace-response')?.remove();
    for (const details of host?.querySelectorAll<HTMLDetailsElement>('details.step-explanation') ?? [])
      details.open = true;
    const chart = this.querySelector('[data-chart] .pipeline-chart');
    if (chart) markFailed(chart, view.trace, view.strings.ui.faultMarker);
    this.hidden = false;
    this.#render();
  }

  /** Moves to a step (clamped). */
  go(step: number): void {
    if (!this.#view) return;
    this.#step = clampStep(step, this.#view.trace.hops.length);
    this.#render();
  }

  /** The 1-based step shown. */
  get step(): number {
    return this.#step;
  }

  #render(): void {
    const view = this.#view;
    if (!view) return;
    const count = view.trace.hops.length;
    for (const item of this.querySelectorAll<HTMLElement>('[data-trace-host] .trace-step')) {
      const current = item.dataset['step'] === String(this.#step);
      item.hidden = !current;
      if (current) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    }
    const { ui, trace } = view.strings;
    const position = this.querySelector('[data-position]');
    if (position) position.textContent = fill(ui.stepOf, { n: this.#step, total: count });
    const hop = view.trace.hops[this.#step - 1];
    const narration = this.querySelector('[data-narration]');
    if (narration && hop)
      narration.textContent = fill(hop.failed ? ui.stepNarrationFailed : ui.stepNarration, {
        n: this.#step,
        total: count,
        narration: renderMessage(hop.narration, trace),
        failed: hop.failed ? renderMessage(hop.failed, trace) : '',
      });
    for (const [action, disabled] of [
      ['first', this.#step <= 1],
      ['previous', this.#step <= 1],
      ['next', this.#step >= count],
      ['last', this.#step >= count],
    ] as const) {
      this.querySelector(`button[data-step-action="${action}"]`)?.setAttribute('aria-disabled', String(disabled));
    }
    this.dataset['step'] = String(this.#step);
    const chart = this.querySelector('[data-chart] .pipeline-chart');
    if (chart) highlightHops(chart, view.trace.hops, this.#step);
  }
}

if (!customElements.get('lab-trace')) customElements.define('lab-trace', LabTrace);

import type { AcceptedFault, Trace } from '../../sim/index.ts';
import type { PlayerConfig } from '../../player/pipeline-data.ts';
import { checkLink, clampStep, formatUrlState, parseUrlState, type UnreadablePart } from '../../player/url-state.ts';
import { textToBase64url } from '../../player/base64url.ts';
import { formatLabLink, type LabRequestChoice } from '../../lab/lab-link.ts';
import { bindConfigHighlight, markStepLines, revealStepLine } from './config-highlight.ts';
import { bindConfigFold } from './config-fold.ts';
import { highlightHops, markFailed, stepOfNode } from './hop-highlight.ts';
import { showEditorError } from './editor-error.ts';
import { fill } from '../../i18n/fill.ts';
import { renderMessage } from '../../i18n/render-message.ts';
import { loadParts } from './load-parts.ts';
import type { TraceParts } from '../../sim/pipelines/trace-parts.ts';

/** The simulator and renderers, loaded on demand. */
export type Engine = typeof import('./trace-engine.ts');
type HistoryMode = 'push' | 'replace' | 'none';

const BASE_INTERVAL_MS = 1800;
const TYPING_DELAY_MS = 300;
const INPUTS = 'input, select, textarea';
const RE_STEP_HASH = /^#step-\d+$/;

let engine: Promise<Engine> | undefined;
/** Loads the simulator and renderers the first time they are needed. */
function loadEngine(): Promise<Engine> {
  engine ??= import('./trace-engine.ts');
  return engine;
}

/** "Step {n} of {total}" filled in. */
const fillStep = (template: string, n: number, total: number): string =>
  template.replace('{n}', String(n)).replace('{total}', String(total));

/** Request line endings as sent: every line end becomes CRLF. */
const toWire = (text: string): string => text.replace(/\r?\n/g, '\r\n');
/** Request text as shown in the editor: CRLF shown as plain line ends. */
const toEditor = (text: string): string => text.replace(/\r\n/g, '\n');

/**
 * The pipeline player: steps through the trace rendered in its `.trace-host`, highlights the hop in the diagram,
 * narrates each step, and (on pipeline pages) keeps its state in the URL and re-traces the reader's own request.
 */
export class PipelinePlayer extends HTMLElement {
  #config!: PlayerConfig;
  #trace!: Trace;
  #text = '';
  #preset: string | undefined;
  #vs: string | undefined;
  /** The injected fault (one the pipeline accepts: `config.faults`). */
  #fault: AcceptedFault | undefined;
  #step = 1;
  #speed = 1;
  #timer: number | undefined;
  #typing: number | undefined;
  #generation = 0;
  #abort = new AbortController();
  #started = false;

  connectedCallback(): void {
    const data = this.querySelector('script[data-trace]')?.textContent;
    if (!data || !this.dataset['config']) return;
    this.#config = JSON.parse(this.dataset['config']) as PlayerConfig;
    const parsed = JSON.parse(data) as { text: string; trace: Trace };
    this.#trace = parsed.trace;
    this.#text = parsed.text;
    this.#preset = this.#config.defaultPreset;
    for (const element of this.querySelectorAll<HTMLElement>('[data-js-only]')) element.hidden = false;
    this.dataset['enhanced'] = 'true';
    this.dataset['annotations'] = 'on';
    this.#bind();
    const editor = this.#editor();
    if (editor) editor.value = toEditor(this.#text);
    if (this.#config.embedded) {
      this.#step = clampStep(Number(this.dataset['step'] ?? 1), this.#trace.hops.length);
      void this.#show('none');
    } else {
      void this.#applyUrl();
      window.addEventListener('popstate', () => void this.#applyUrl(), { signal: this.#abort.signal });
    }
  }

  disconnectedCallback(): void {
    this.#stop();
    this.#abort.abort();
  }

  /** The current 1-based step. */
  get step(): number {
    return this.#step;
  }

  #editor(): HTMLTextAreaElement | null {
    return this.querySelector<HTMLTextAreaElement>('[data-control="editor"]');
  }

  #bind(): void {
    const signal = this.#abort.signal;
    this.addEventListener(
      'click',
      (event) => {
        const node = (event.target as Element).closest<HTMLButtonElement>('.player-diagram button[data-node]');
        if (node) {
          const step = stepOfNode(this.#trace.hops, node.dataset['node'] ?? '');
          if (step !== undefined) this.go(step, 'push');
          return;
        }
        const why = (event.target as Element).closest<HTMLAnchorElement>('a[data-why-link]');
        if (why) {
          event.preventDefault();
          this.#openExplanation();
          return;
        }
        const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
        if (!button) return;
        const action = button.dataset['action'];
        if (action === 'first') this.go(1, 'push');
        else if (action === 'previous') this.go(this.#step - 1, 'push');
        else if (action === 'next') this.go(this.#step + 1, 'push');
        else if (action === 'last') this.go(this.#trace.hops.length, 'push');
        else if (action === 'play') this.toggle();
        else if (action === 'annotations') this.#toggleAnnotations(button);
        else if (action === 'focus') this.go(Number(button.dataset['step'] ?? 1), 'push');
        else if (action === 'copy') void this.#copy(button);
        else if (action === 'no-fault') void this.#chooseFault(undefined, 'stage');
      },
      { signal },
    );
    this.addEventListener(
      'change',
      (event) => {
        const menu = (event.target as Element).closest<HTMLSelectElement>('select[data-control="fault"]');
        if (menu) void this.#chooseFault(menu.value || undefined, 'menu');
      },
      { signal },
    );
    this.addEventListener('keydown', (event) => this.#onKey(event), { signal });
    bindConfigHighlight(this, signal);
    bindConfigFold(this, signal, () => revealStepLine(this));
    this.querySelector('[data-control="slider"]')?.addEventListener(
      'input',
      (event) => this.go(Number((event.target as HTMLInputElement).value), 'replace'),
      { signal },
    );
    this.querySelector('[data-control="speed"]')?.addEventListener(
      'change',
      (event) => {
        this.#speed = Number((event.target as HTMLSelectElement).value) || 1;
        this.style.setProperty('--hbh-speed', String(this.#speed));
        if (this.#timer !== undefined) {
          this.#stop();
          this.#play();
        }
      },
      { signal },
    );
    this.querySelector('[data-control="preset"]')?.addEventListener(
      'change',
      (event) => {
        const id = (event.target as HTMLSelectElement).value;
        if (id) void this.#choosePreset(id);
      },
      { signal },
    );
    this.querySelector('[data-control="vs"]')?.addEventListener(
      'change',
      (event) => {
        this.#vs = (event.target as HTMLSelectElement).value || undefined;
        void this.#retrace('push');
      },
      { signal },
    );
    this.#editor()?.addEventListener(
      'input',
      () => {
        window.clearTimeout(this.#typing);
        this.#typing = window.setTimeout(() => {
          this.#text = toWire(this.#editor()?.value ?? '');
          this.#preset = undefined;
          this.#selectPreset('');
          void this.#retrace('replace');
        }, TYPING_DELAY_MS);
      },
      { signal },
    );
  }

  #onKey(event: KeyboardEvent): void {
    const target = event.target as Element;
    if (target.closest(INPUTS) || event.altKey || event.ctrlKey || event.metaKey) return;
    const count = this.#trace.hops.length;
    if (event.key === ' ') {
      if (target.closest('button, a, summary')) return;
      this.toggle();
    } else if (event.key === 'ArrowRight') this.go(this.#step + 1, 'push');
    else if (event.key === 'ArrowLeft') this.go(this.#step - 1, 'push');
    else if (event.key === 'Home') this.go(1, 'push');
    else if (event.key === 'End') this.go(count, 'push');
    else return;
    event.preventDefault();
  }

  /** Moves to a step (clamped); by hand it pushes history, playing replaces it. */
  go(step: number, mode: HistoryMode): void {
    const next = clampStep(step, this.#trace.hops.length);
    if (mode === 'push') this.#stop();
    if (next === this.#step) return;
    this.#step = next;
    void this.#show(mode);
  }

  /** Plays or pauses. */
  toggle(): void {
    if (this.#timer === undefined) this.#play();
    else this.#stop();
  }

  #play(): void {
    if (this.#step >= this.#trace.hops.length) this.go(1, 'replace');
    this.#timer = window.setInterval(() => {
      if (this.#step >= this.#trace.hops.length) this.#stop();
      else this.go(this.#step + 1, 'replace');
    }, BASE_INTERVAL_MS / this.#speed);
    this.#setPlaying(true);
  }

  #stop(): void {
    if (this.#timer === undefined) return;
    window.clearInterval(this.#timer);
    this.#timer = undefined;
    this.#setPlaying(false);
  }

  #setPlaying(playing: boolean): void {
    const button = this.querySelector<HTMLButtonElement>('button[data-action="play"]');
    if (!button) return;
    const label = playing ? button.dataset['labelPause'] : button.dataset['labelPlay'];
    button.setAttribute('aria-label', label ?? '');
    button.title = label ?? '';
    this.dataset['playing'] = String(playing);
  }

  #toggleAnnotations(button: HTMLButtonElement): void {
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    this.dataset['annotations'] = on ? 'on' : 'off';
    this.#foldExplanations(this);
  }

  /** Opens or folds every step explanation under `root` as the Annotations toggle says. */
  #foldExplanations(root: ParentNode): void {
    const open = this.dataset['annotations'] !== 'off';
    for (const details of root.querySelectorAll<HTMLDetailsElement>('details.step-explanation')) details.open = open;
  }

  /** The narration's link: unfolds the current step's explanation and moves focus to it. */
  #openExplanation(): void {
    const details = this.querySelector<HTMLDetailsElement>(`#step-${this.#step}-why`);
    if (!details) return;
    details.open = true;
    details.querySelector('summary')?.focus();
  }

  /** Shows the chosen preset's description and the step it is about. */
  #showPresetAbout(): void {
    const box = this.querySelector<HTMLElement>('[data-preset-about-box]');
    if (!box) return;
    let n: string | undefined;
    // The menu's choice: a fault preset shows its own description, not its request's.
    const shown = this.querySelector<HTMLSelectElement>('[data-control="preset"]')?.value || this.#preset;
    for (const p of box.querySelectorAll<HTMLElement>('[data-preset-about]')) {
      p.hidden = p.dataset['presetAbout'] !== shown;
      if (!p.hidden) n = p.dataset['step'];
    }
    const button = box.querySelector<HTMLButtonElement>('button[data-action="focus"]');
    if (!button) return;
    button.hidden = n === undefined;
    if (n === undefined || button.dataset['step'] === n) return;
    button.dataset['step'] = n;
    button.textContent = fill(button.dataset['label'] ?? '{n}', { n });
  }

  async #copy(button: HTMLButtonElement): Promise<void> {
    const step = this.querySelector<HTMLElement>(`.trace-step[data-step="${this.#step}"]`);
    if (!step) return;
    try {
      await navigator.clipboard.writeText(step.innerText);
      const label = button.textContent;
      button.textContent = button.dataset['labelCopied'] ?? label;
      window.setTimeout(() => (button.textContent = label), 1500);
    } catch {
      // Clipboard refused (no permission): the step text stays selectable on the page.
    }
  }

  /** Shows the preset in the menu: a fault preset when the request is the default one and a fault is on. */
  #selectPreset(id: string): void {
    const select = this.querySelector<HTMLSelectElement>('[data-control="preset"]');
    if (!select) return;
    const faultOption = this.#fault && select.querySelector(`option[data-fault="${CSS.escape(this.#fault.id)}"]`);
    select.value = faultOption && id === this.#config.defaultPreset ? (faultOption as HTMLOptionElement).value : id;
  }

  /** The accepted fault of this pipeline with that id (none for another id). */
  #acceptedFault(id: string | undefined): AcceptedFault | undefined {
    return this.#config.faults.find((fault) => fault.id === id);
  }

  /**
   * Injects a fault (or takes it away) and traces again, keeping the step. The steps are drawn anew, so focus goes
   * back to where the reader was: the current step's "Break this hop" menu, or the player.
   */
  async #chooseFault(id: string | undefined, focus: 'menu' | 'stage'): Promise<void> {
    const fault = this.#acceptedFault(id);
    if (fault?.id === this.#fault?.id) return;
    this.#fault = fault;
    this.#selectPreset(this.#preset ?? '');
    await this.#retrace('push');
    const menu = this.querySelector<HTMLElement>(`.trace-step[data-step="${this.#step}"] select[data-control="fault"]`);
    const stage = this.querySelector<HTMLElement>('[data-stage]');
    (focus === 'menu' && menu ? menu : stage)?.focus();
  }

  async #choosePreset(id: string): Promise<void> {
    const select = this.querySelector<HTMLSelectElement>('[data-control="preset"]');
    // A fault preset: the pipeline's default request with its fault.
    const fault = select?.selectedOptions[0]?.dataset['fault'];
    if (fault !== undefined) {
      this.#fault = this.#acceptedFault(fault);
      id = this.#config.defaultPreset;
    }
    const { findPreset } = await loadEngine();
    const preset = findPreset(id);
    if (!preset) return;
    this.#preset = id;
    this.#text = preset.raw;
    const editor = this.#editor();
    if (editor) editor.value = toEditor(preset.raw);
    await this.#retrace('push');
  }

  /** Reads the URL (on load and on back/forward) and shows what it names. */
  async #applyUrl(): Promise<void> {
    const state = parseUrlState(location.search, location.hash);
    const { presets, pipelines, defaultPreset } = this.#config;
    const faults = this.#config.faults.map((fault) => fault.id);
    const link = checkLink(state, { presets, pipelines, defaultPreset, faults });
    let text = this.#text;
    let preset = this.#preset;
    if (link.text !== undefined) {
      text = link.text;
      preset = undefined;
    } else if (link.preset !== undefined && link.preset !== preset) {
      const found = (await loadEngine()).findPreset(link.preset);
      if (found) {
        text = found.raw;
        preset = link.preset;
      }
    }
    const vs = link.vs;
    const fault = this.#acceptedFault(link.fault);
    this.#showLinkNotice(link.unreadable);
    // A hash that names no step (a table-of-contents link such as #trace) leaves the step as it is.
    if (!location.hash || RE_STEP_HASH.test(location.hash) || !this.#started) this.#step = state.step;
    this.#started = true;
    const faultChanged = fault?.id !== this.#fault?.id;
    this.#fault = fault;
    this.#selectPreset(preset ?? '');
    const vsSelect = this.querySelector<HTMLSelectElement>('[data-control="vs"]');
    if (vsSelect) vsSelect.value = vs ?? '';
    if (text !== this.#text || vs !== this.#vs || preset !== this.#preset || faultChanged) {
      this.#text = text;
      this.#preset = preset;
      this.#vs = vs;
      const editor = this.#editor();
      if (editor && toWire(editor.value) !== text) editor.value = toEditor(text);
      await this.#retrace('none');
    } else {
      this.#step = clampStep(this.#step, this.#trace.hops.length);
      // A link that could not be read is settled once its notice shows: say so, as a re-trace would.
      if (link.unreadable.length > 0) this.dataset['state'] = 'ready';
      await this.#show('none');
    }
  }

  /** Tells the reader which parts of the link could not be read (an empty list clears the notice). */
  #showLinkNotice(parts: readonly UnreadablePart[]): void {
    const notice = this.querySelector<HTMLElement>('[data-link-notice]');
    if (!notice) return;
    const { ui } = this.#config.strings;
    const said = {
      request: ui.linkRequestUnreadable,
      comparison: ui.linkCompareUnreadable,
      fault: ui.linkFaultUnreadable,
    };
    const text = parts.map((part) => said[part]).join(this.#config.lang === 'zh-cn' ? '' : ' ');
    if (notice.textContent !== text) notice.textContent = text;
  }

  /** Traces the current request (and the comparison) again and re-renders the steps. */
  async #retrace(mode: HistoryMode): Promise<void> {
    const generation = ++this.#generation;
    // The reader chose something themselves: what the link said no longer matters.
    if (mode !== 'none') this.#showLinkNotice([]);
    this.dataset['state'] = 'tracing';
    const { strings, pipeline } = this.#config;
    // The engine, this pipeline's parts and the comparison's load side by side (each its own chunk, each once).
    const [e, parts, vsParts] = await Promise.all([
      loadEngine(),
      loadParts(pipeline),
      this.#vs ? loadParts(this.#vs) : undefined,
    ]);
    if (generation !== this.#generation) return;
    const bytes = new TextEncoder().encode(this.#text);
    this.#trace = e.runPipeline(parts, bytes, this.#fault);
    const host = this.querySelector('[data-trace-host]');
    const context = this.#stepContext(false);
    host?.replaceChildren(e.toDom(e.renderTrace(this.#trace, this.#text, strings, context)));
    if (host) this.#foldExplanations(host);
    this.#showEditorError(e);
    this.#renderCompare(e, bytes, parts, vsParts);
    const slider = this.querySelector<HTMLInputElement>('[data-control="slider"]');
    if (slider) slider.max = String(this.#trace.hops.length);
    this.#step = clampStep(this.#step, this.#trace.hops.length);
    this.dataset['state'] = 'ready';
    await this.#show(mode);
  }

  #showEditorError(e: Engine): void {
    const box = this.querySelector<HTMLElement>('[data-editor-error]');
    const editor = this.#editor();
    if (box && editor) showEditorError(e, box, editor, this.#trace.error, this.#text, this.#config.strings);
  }

  #renderCompare(e: Engine, bytes: Uint8Array, parts: TraceParts, vsParts: TraceParts | undefined): void {
    const box = this.querySelector<HTMLElement>('[data-compare]');
    if (!box) return;
    box.hidden = !this.#vs;
    if (!this.#vs || !vsParts) {
      box.replaceChildren();
      return;
    }
    const vs = this.#vs;
    // The comparison injects the same fault where the other pipeline accepts it, so their answers can be compared.
    const fault = this.#fault && this.#config.compareFaults[vs]?.find((f) => f.id === this.#fault?.id);
    const other = e.runPipeline(vsParts, bytes, fault);
    const { pipelines, pipeline, strings } = this.#config;
    const a = parts.pipeline;
    const b = vsParts.pipeline;
    const sides = {
      a: { pipeline: a, title: pipelines[pipeline] ?? pipeline, trace: this.#trace },
      b: { pipeline: b, title: pipelines[vs] ?? vs, trace: other },
    };
    box.replaceChildren(e.toDom(e.renderComparison(e.compareTraces(this.#trace, other), sides, this.#text, strings)));
  }

  /** Shows the current step: its list item, the slider, the narration, the diagram, and (unless told not to) the URL. */
  async #show(mode: HistoryMode): Promise<void> {
    const count = this.#trace.hops.length;
    const hop = this.#trace.hops[this.#step - 1];
    const { stepOf } = this.#config.strings.ui;
    let current = this.querySelector<HTMLElement>(`.trace-step[data-step="${this.#step}"]`);
    if (!current && hop) {
      const e = await loadEngine();
      const list = this.querySelector('.trace-steps');
      const rendered = e.toDom(e.renderStep(hop, this.#step - 1, this.#config.strings, this.#stepContext(true)));
      list?.append(rendered);
      current = rendered as HTMLElement;
      this.#foldExplanations(current);
    }
    for (const step of this.querySelectorAll<HTMLElement>('.trace-step')) {
      const isCurrent = step === current;
      step.hidden = !isCurrent;
      if (isCurrent) step.setAttribute('aria-current', 'step');
      else step.removeAttribute('aria-current');
    }
    const slider = this.querySelector<HTMLInputElement>('[data-control="slider"]');
    if (slider) slider.value = String(this.#step);
    const position = this.querySelector('[data-position]');
    if (position) position.textContent = fillStep(stepOf, this.#step, count);
    const narration = this.querySelector('[data-narration]');
    const { ui, trace } = this.#config.strings;
    if (narration && hop)
      narration.textContent = fill(hop.failed ? ui.stepNarrationFailed : ui.stepNarration, {
        n: this.#step,
        total: count,
        narration: renderMessage(hop.narration, trace),
        failed: hop.failed ? renderMessage(hop.failed, trace) : '',
      });
    this.#showFaultNotice();
    for (const [action, disabled] of [
      ['first', this.#step <= 1],
      ['previous', this.#step <= 1],
      ['next', this.#step >= count],
      ['last', this.#step >= count],
    ] as const) {
      const button = this.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
      if (button) button.setAttribute('aria-disabled', String(disabled));
    }
    const whyLink = this.querySelector<HTMLAnchorElement>('a[data-why-link]');
    if (whyLink) whyLink.href = `#step-${this.#step}-why`;
    this.#showPresetAbout();
    this.dataset['step'] = String(this.#step);
    this.#highlight();
    markStepLines(this, hop);
    this.#writeUrl(mode);
  }

  #writeUrl(mode: HistoryMode): void {
    const { base, pipeline, embedded, defaultPreset } = this.#config;
    const state = {
      ...(this.#preset === undefined ? { raw: textToBase64url(this.#text) } : {}),
      ...(this.#preset !== undefined && this.#preset !== defaultPreset ? { req: this.#preset } : {}),
      ...(this.#vs ? { vs: this.#vs } : {}),
      ...(this.#fault ? { fault: this.#fault.id } : {}),
      step: this.#step,
    };
    const link = this.querySelector<HTMLAnchorElement>('[data-open-link]');
    if (link) link.href = `${base}${pipeline}/${formatUrlState(state)}`;
    // "Run your own application": the lab opens on this pipeline with the request shown.
    const lab = this.querySelector<HTMLAnchorElement>('a[data-lab-link]');
    if (lab) {
      const request: LabRequestChoice =
        this.#preset === undefined ? { kind: 'raw', text: this.#text } : { kind: 'preset', id: this.#preset };
      const path = (lab.getAttribute('href') ?? '').split('#')[0] ?? '';
      lab.setAttribute('href', `${path}${formatLabLink(pipeline, request)}`);
    }
    if (embedded || mode === 'none') return;
    const url = `${location.pathname}${formatUrlState(state)}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** Marks the current hop in the pipeline chart, and the hop that failed. */
  #highlight(): void {
    const chart = this.querySelector('.player-diagram .pipeline-chart');
    if (!chart) return;
    highlightHops(chart, this.#trace.hops, this.#step);
    markFailed(chart, this.#trace, this.#config.strings.ui.faultMarker);
  }

  /** What the renderer needs for steps drawn in the browser (`embedded`: folded data, as on term pages). */
  #stepContext(fold: boolean) {
    const { labels, originLines, embedded, explanations, faults } = this.#config;
    return {
      labels,
      lines: originLines,
      ...(fold ? { foldData: embedded } : {}),
      ...(explanations ? { explanations } : {}),
      faults,
      fault: this.#fault?.id,
    };
  }

  /** Says which fault is injected, with a button to take it away (hidden without one). */
  #showFaultNotice(): void {
    const notice = this.querySelector<HTMLElement>('[data-fault-notice]');
    if (!notice) return;
    notice.hidden = !this.#fault;
    const text = notice.querySelector('[data-fault-text]');
    if (!this.#fault || !text) return;
    const { ui, faults } = this.#config.strings;
    const on = fill(ui.faultOn, { fault: faults[this.#fault.id], node: this.#config.labels[this.#fault.node] ?? '' });
    const note = this.#config.faultNotes[this.#fault.id];
    const said = note ? `${on}${this.#config.lang === 'en' ? ' ' : ''}${note}` : on;
    if (text.textContent !== said) text.textContent = said;
  }
}

if (!customElements.get('pipeline-player')) customElements.define('pipeline-player', PipelinePlayer);

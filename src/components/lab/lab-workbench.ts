/**
 * The WSGI lab: the reader's application and middleware editors, the pipeline and request, Run, and the results.
 * Everything heavy (the simulator, the renderers, Python) loads on the first Run (`lab-engine.ts`); before that the
 * page only reads its URL fragment, fills the editors and waits.
 */
import type { LabConfig } from './lab-config.ts';
import type { LabSource } from '../../lab/lab-protocol.ts';
import type { LabExample } from '../../lab/examples/lab-example.ts';
import {
  formatLabFragment,
  LAB_MAX_MIDDLEWARE,
  LAB_URL_LIMIT_CHARS,
  parseLabFragment,
  RE_SOURCE_NAME,
  type LabRequestChoice,
  type LabState,
} from '../../lab/lab-url-state.ts';
import { fill } from '../../i18n/fill.ts';
import type { CodeEditor } from './code-editor.ts';
import type { LabLoading } from './lab-loading.ts';
import './code-editor.ts';
import './lab-loading.ts';

type Engine = typeof import('./lab-engine.ts');

let engine: Promise<Engine> | undefined;
/** Loads the simulator, the renderers and the Python runtime's driver, once. */
const loadEngine = (): Promise<Engine> => (engine ??= import('./lab-engine.ts'));

/** Request line endings as sent: every line end becomes CRLF. */
const toWire = (text: string): string => text.replace(/\r?\n/g, '\r\n');

export class LabWorkbench extends HTMLElement {
  #config!: LabConfig;
  #abort = new AbortController();
  /** The request a link brought that is not a preset (shown as an extra menu item). */
  #linkRaw: string | undefined;
  #layerIds = 0;
  #runs = 0;
  #ranOnce = false;
  /** When this run's code began (after Python loaded, on a first run): "Ran in" counts from there. */
  #codeStarted: number | undefined;

  connectedCallback(): void {
    const json = this.querySelector('script[data-lab-config]')?.textContent;
    if (!json) return;
    this.#config = JSON.parse(json) as LabConfig;
    for (const element of this.querySelectorAll<HTMLElement>('[data-js-only]')) element.hidden = false;
    for (const element of this.querySelectorAll<HTMLElement>('[data-no-js]')) element.hidden = true;
    this.#loading()?.configure(this.#config.strings, (text) => {
      // Loading stages are said while a run waits for Python; a restart after a stopped run happens quietly.
      if (this.dataset['state'] === 'running') this.#say('[data-status]', text);
    });
    this.#bind();
    void this.#applyFragment();
    window.addEventListener('hashchange', () => void this.#applyFragment(), { signal: this.#abort.signal });
  }

  disconnectedCallback(): void {
    this.#abort.abort();
  }

  #bind(): void {
    const signal = this.#abort.signal;
    this.addEventListener(
      'click',
      (event) => {
        const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
        if (!button) return;
        const action = button.dataset['action'];
        const layer = button.closest<HTMLElement>('[data-layer]');
        if (action === 'run' || action === 'retry') void this.run();
        else if (action === 'load-picked') this.#loadExample(this.#select('example')?.value ?? '');
        else if (action === 'share') void this.#share();
        else if (action === 'load-example') this.#loadExample(button.dataset['example'] ?? '');
        else if (action === 'add-middleware') this.#addLayer();
        else if (layer && action === 'remove') this.#removeLayer(layer);
        else if (layer && (action === 'up' || action === 'down')) this.#moveLayer(layer, action, button);
      },
      { signal },
    );
    // Ctrl+Enter (⌘+Enter) in an editor runs the code, so the reader need not go back up to Run.
    this.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
        if (!(event.target as Element).closest('code-editor')) return;
        event.preventDefault();
        void this.run();
      },
      { signal },
    );
    this.addEventListener(
      'input',
      (event) => {
        const input = (event.target as Element).closest<HTMLInputElement>('input[data-control="name"]');
        if (input) this.#renameLayer(input);
      },
      { signal },
    );
    this.addEventListener(
      'change',
      (event) => {
        if ((event.target as Element).matches('select[data-control="pipeline"]')) this.#showPipelineName();
      },
      { signal },
    );
  }

  /** The chosen pipeline's whole name under its menu, which a phone's closed menu cuts short. */
  #showPipelineName(): void {
    const shown = this.querySelector<HTMLElement>('[data-pipeline-full]');
    const id = this.#select('pipeline')?.value;
    if (shown) shown.textContent = this.#config.pipelines.find((pipeline) => pipeline.id === id)?.title ?? '';
  }

  // ——— State in the editors ———

  #appEditor(): CodeEditor | null {
    return this.querySelector<CodeEditor>('code-editor[data-app]');
  }

  #list(): HTMLOListElement | null {
    return this.querySelector<HTMLOListElement>('[data-middleware-list]');
  }

  #layers(): HTMLElement[] {
    return [...(this.#list()?.querySelectorAll<HTMLElement>(':scope > [data-layer]') ?? [])];
  }

  #loading(): LabLoading | null {
    return this.querySelector<LabLoading>('lab-loading');
  }

  #select(control: string): HTMLSelectElement | null {
    return this.querySelector<HTMLSelectElement>(`select[data-control="${control}"]`);
  }

  /** A layer's file name as typed, or a safe stand-in when it is not a module file name. */
  #layerName(layer: HTMLElement, index: number): string {
    const typed = layer.querySelector<HTMLInputElement>('input[data-control="name"]')?.value.trim() ?? '';
    return RE_SOURCE_NAME.test(typed) ? typed : `middleware_${index + 1}.py`;
  }

  /** The code as the editors hold it. */
  #sources(): { app: LabSource; middleware: LabSource[] } {
    return {
      app: { name: 'app.py', source: this.#appEditor()?.value ?? '' },
      middleware: this.#layers().map((layer, index) => ({
        name: this.#layerName(layer, index),
        source: layer.querySelector<CodeEditor>('code-editor')?.value ?? '',
      })),
    };
  }

  #request(): LabRequestChoice {
    const value = this.#select('request')?.value ?? '';
    if (value === '' && this.#linkRaw !== undefined) return { kind: 'raw', text: this.#linkRaw };
    return { kind: 'preset', id: value || (this.#config.presets[0] ?? 'get') };
  }

  #state(): LabState {
    return { pipeline: this.#select('pipeline')?.value ?? '', request: this.#request(), ...this.#sources() };
  }

  /** Shows a state in the editors and menus (nothing runs). */
  #show(state: Partial<LabState> & Pick<LabState, 'pipeline' | 'request'>): void {
    if (state.app) {
      const editor = this.#appEditor();
      if (editor) editor.value = state.app.source;
    }
    if (state.middleware) {
      for (const layer of this.#layers()) layer.remove();
      for (const source of state.middleware) this.#addLayer(source, false);
      this.#afterLayersChanged();
    }
    const pipeline = this.#select('pipeline');
    if (pipeline) pipeline.value = state.pipeline;
    this.#showPipelineName();
    this.#chooseRequest(state.request);
  }

  #chooseRequest(request: LabRequestChoice): void {
    const select = this.#select('request');
    if (!select) return;
    const linkOption = select.querySelector<HTMLOptionElement>('option[data-link-request]');
    if (request.kind === 'raw') {
      this.#linkRaw = request.text;
      if (linkOption) linkOption.hidden = false;
      select.value = '';
    } else {
      this.#linkRaw = undefined;
      if (linkOption) linkOption.hidden = true;
      select.value = request.id;
    }
  }

  #loadExample(id: string): void {
    const example = this.#config.examples.find((candidate) => candidate.id === id);
    if (!example) return;
    this.#showExample(example);
    const title = this.#config.exampleTitles[example.id] ?? example.id;
    this.#say('[data-status]', fill(this.#config.strings.exampleLoaded, { title }));
    this.#appEditor()?.textarea?.focus();
  }

  #showExample(example: LabExample): void {
    // Its explanation opens (below the result), the others fold; the picker names it.
    for (const details of this.querySelectorAll<HTMLDetailsElement>('details[data-example-about]')) {
      details.open = details.dataset['exampleAbout'] === example.id;
    }
    const picker = this.#select('example');
    if (picker) picker.value = example.id;
    this.#show({
      pipeline: example.pipeline,
      request: { kind: 'preset', id: example.request },
      app: example.app,
      middleware: example.middleware,
    });
  }

  /** Reads the URL fragment: a shared lab, a pipeline page's link, or nothing (the first example). */
  async #applyFragment(): Promise<void> {
    const { pipelines, presets, strings, problems, examples } = this.#config;
    const read = await parseLabFragment(location.hash, { pipelines: pipelines.map((p) => p.id), presets });
    const first = examples[0];
    if (read.kind === 'link') {
      if (!read.link.app && first) this.#showExample(first);
      this.#show(read.link);
      this.#say('[data-link-notice]', read.link.app ? strings.linkRestored : strings.linkPipeline);
    } else {
      if (first && this.#appEditor()?.value === '') this.#showExample(first);
      if (read.kind === 'bad') {
        if (first) this.#showExample(first);
        this.#say('[data-link-notice]', fill(strings.linkBad, { problem: problems[read.problem] }));
      }
    }
    this.dataset['ready'] = 'true';
  }

  // ——— Middleware list ———

  /** Adds a middleware editor (innermost), from a source or a blank template. */
  #addLayer(source?: LabSource, announce = true): void {
    const list = this.#list();
    if (!list || this.#layers().length >= LAB_MAX_MIDDLEWARE) return;
    const s = this.#config.strings;
    const n = ++this.#layerIds;
    const name = source?.name ?? `middleware_${n}.py`;
    const item = document.createElement('li');
    item.className = 'lab-layer';
    item.dataset['layer'] = '';
    const head = document.createElement('div');
    head.className = 'lab-layer-head not-content';
    const title = document.createElement('h4');
    title.id = `lab-layer-${n}-title`;
    title.className = 'lab-layer-title';
    const label = document.createElement('label');
    const labelText = document.createElement('span');
    labelText.textContent = s.fileName;
    const input = document.createElement('input');
    input.type = 'text';
    input.value = name;
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.dataset['control'] = 'name';
    input.setAttribute('autocapitalize', 'off');
    input.setAttribute('aria-describedby', `lab-layer-${n}-name-help`);
    label.append(labelText, input);
    const nameHelp = document.createElement('span');
    nameHelp.id = `lab-layer-${n}-name-help`;
    nameHelp.className = 'lab-help';
    nameHelp.textContent = s.fileNameHelp;
    const buttons = document.createElement('div');
    buttons.className = 'lab-layer-buttons';
    for (const [action, text] of [
      ['up', s.moveUp],
      ['down', s.moveDown],
      ['remove', s.remove],
    ] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset['action'] = action;
      button.textContent = text;
      button.setAttribute('aria-describedby', title.id);
      buttons.append(button);
    }
    head.append(title, label, nameHelp, buttons);
    const editor = document.createElement('code-editor') as CodeEditor;
    editor.className = 'code-editor';
    const area = document.createElement('textarea');
    area.className = 'code-editor-text';
    area.rows = 10;
    area.spellcheck = false;
    area.wrap = 'off';
    area.setAttribute('autocapitalize', 'off');
    area.setAttribute('autocomplete', 'off');
    area.setAttribute('aria-labelledby', title.id);
    area.setAttribute('aria-describedby', 'lab-editor-help');
    area.value = source?.source ?? s.newMiddleware;
    editor.append(area);
    item.append(head, editor);
    list.append(item);
    if (announce) {
      this.#afterLayersChanged();
      this.#say('[data-list-status]', fill(s.added, { name }));
      area.focus();
    }
  }

  #removeLayer(layer: HTMLElement): void {
    const layers = this.#layers();
    const index = layers.indexOf(layer);
    const name = this.#layerName(layer, index);
    layer.remove();
    this.#afterLayersChanged();
    this.#say('[data-list-status]', fill(this.#config.strings.removed, { name }));
    // Focus goes to the layer that took its place, the one before it, or the Add button.
    const rest = this.#layers();
    const next = rest[Math.min(index, rest.length - 1)];
    const target = next?.querySelector<HTMLButtonElement>('button[data-action="remove"]');
    (target ?? this.querySelector<HTMLButtonElement>('button[data-action="add-middleware"]'))?.focus();
  }

  #moveLayer(layer: HTMLElement, direction: 'up' | 'down', button: HTMLButtonElement): void {
    const list = this.#list();
    if (!list) return;
    const sibling = direction === 'up' ? layer.previousElementSibling : layer.nextElementSibling;
    if (!sibling) return;
    if (direction === 'up') list.insertBefore(layer, sibling);
    else list.insertBefore(sibling, layer);
    this.#afterLayersChanged();
    const layers = this.#layers();
    const index = layers.indexOf(layer);
    const name = this.#layerName(layer, index);
    this.#say('[data-list-status]', fill(this.#config.strings.moved, { name, n: index + 1, total: layers.length }));
    // Keep focus on the button pressed; at the end of the list, on the one that still moves.
    const other = direction === 'up' ? 'down' : 'up';
    const still = button.getAttribute('aria-disabled') === 'true';
    (still ? layer.querySelector<HTMLButtonElement>(`button[data-action="${other}"]`) : button)?.focus();
  }

  #renameLayer(input: HTMLInputElement): void {
    const layer = input.closest<HTMLElement>('[data-layer]');
    if (layer) this.#titleLayer(layer, this.#layers().indexOf(layer));
  }

  /** Numbers the layers, titles them, and disables the moves that would go nowhere. */
  #afterLayersChanged(): void {
    const layers = this.#layers();
    layers.forEach((layer, index) => {
      this.#titleLayer(layer, index);
      layer.querySelector('button[data-action="up"]')?.setAttribute('aria-disabled', String(index === 0));
      layer
        .querySelector('button[data-action="down"]')
        ?.setAttribute('aria-disabled', String(index === layers.length - 1));
    });
    const none = this.querySelector<HTMLElement>('[data-no-middleware]');
    if (none) none.hidden = layers.length > 0;
    const add = this.querySelector<HTMLButtonElement>('button[data-action="add-middleware"]');
    if (add) add.disabled = layers.length >= LAB_MAX_MIDDLEWARE;
  }

  #titleLayer(layer: HTMLElement, index: number): void {
    const s = this.#config.strings;
    const typed = layer.querySelector<HTMLInputElement>('input[data-control="name"]')?.value.trim() ?? '';
    const name = this.#layerName(layer, index);
    const title = layer.querySelector('.lab-layer-title');
    if (title) title.textContent = fill(s.layer, { n: index + 1, name });
    const input = layer.querySelector<HTMLInputElement>('input[data-control="name"]');
    const help = layer.querySelector('.lab-help');
    if (!input || !help) return;
    const bad = !RE_SOURCE_NAME.test(typed);
    input.setAttribute('aria-invalid', String(bad));
    help.textContent = bad ? fill(s.badFileName, { name: typed, fallback: name }) : s.fileNameHelp;
  }

  // ——— Run, share, report ———

  #say(selector: string, text: string): void {
    const element = this.querySelector(selector);
    if (element && element.textContent !== text) element.textContent = text;
  }

  /** Runs the code on the chosen pipeline (and the comparison's), then draws the trace and the report. */
  async run(): Promise<void> {
    const run = ++this.#runs;
    const s = this.#config.strings;
    const state = this.#state();
    const compare = this.#select('compare')?.value || undefined;
    this.dataset['state'] = 'running';
    this.#say('[data-status]', this.#ranOnce ? s.running : fill(s.loadingPython, { size: this.#config.downloadSize }));
    this.#showRetry(false);
    // Pressed from the panel with Run: what Run says (and the loading bar under it) stays in view, on a short screen
    // too. From an editor (Ctrl+Enter) the page stays where the reader is typing.
    if (document.activeElement?.closest('.lab-bench')) {
      this.querySelector('[data-status]')?.scrollIntoView({ block: 'nearest' });
    }
    try {
      const e = await loadEngine();
      const loading = this.#loading();
      if (loading) {
        e.watchLoading({
          progress: (stage) => {
            if (stage === 'running') this.#codeStarted ??= performance.now();
            loading.progress(stage);
          },
          bytes: (loaded) => loading.bytes(loaded),
        });
      }
      if (run !== this.#runs) return;
      const text =
        state.request.kind === 'raw' ? toWire(state.request.text) : (e.findPreset(state.request.id)?.raw ?? '');
      const started = performance.now();
      this.#codeStarted = undefined;
      const outcome = await e.runInLab(state, text, compare);
      if (run !== this.#runs || outcome === undefined) return;
      this.#loading()?.stop();
      e.showOutcome(this, outcome, text, this.#config);
      if (outcome.kind === 'failed' && outcome.failure.error.kind === 'load') {
        this.#say('[data-status]', s.loadFailed);
        this.#showRetry(true);
        return;
      }
      this.#ranOnce = true;
      const resultsLink = this.querySelector<HTMLElement>('[data-results-link]');
      if (resultsLink) resultsLink.hidden = false;
      const title = (id: string) => this.#config.pipelines.find((p) => p.id === id)?.title ?? id;
      // Python's first download and start are not the code's time (the loading bar showed them).
      const ms = Math.round(performance.now() - (this.#codeStarted ?? started)).toLocaleString(
        this.#config.lang === 'en' ? 'en' : 'zh-CN',
      );
      this.#say(
        '[data-status]',
        compare
          ? fill(s.ranBoth, { ms, pipeline: title(state.pipeline), other: title(compare) })
          : fill(s.ran, { ms, pipeline: title(state.pipeline) }),
      );
      this.#say('[data-link-notice]', '');
      await this.#writeFragment(state, false);
    } catch (error) {
      // The lab's own code could not load (offline before it was ever cached, say): said, never a silent stop.
      this.#loading()?.stop();
      // What the browser reported stays in the console; the status says what happened and what to do, in the page's language.
      console.warn(error);
      this.#say('[data-status]', s.loadFailed);
      this.#showRetry(true);
    } finally {
      if (run === this.#runs) this.dataset['state'] = 'ready';
    }
  }

  /** Shows or hides "Try again" after Python failed to load; a hidden button that had focus hands it to Run. */
  #showRetry(show: boolean): void {
    const retry = this.querySelector<HTMLElement>('[data-retry]');
    if (!retry || retry.hidden === !show) return;
    const hadFocus = retry.contains(document.activeElement);
    retry.hidden = !show;
    if (hadFocus) this.querySelector<HTMLButtonElement>('button[data-action="run"]')?.focus();
    if (show && document.activeElement?.closest('.lab-bench')) retry.scrollIntoView({ block: 'nearest' });
  }

  /** Puts the state in the address bar (when it fits) and says whether it did. */
  async #writeFragment(state: LabState, copy: boolean): Promise<void> {
    const s = this.#config.strings;
    const fragment = await formatLabFragment(state);
    if (fragment.length > LAB_URL_LIMIT_CHARS + 1) {
      if (copy) {
        const length = fragment.length - 1;
        this.#say('[data-share-status]', fill(s.shareTooLong, { length, limit: LAB_URL_LIMIT_CHARS }));
      }
      return;
    }
    if (location.hash !== fragment) history.replaceState(null, '', `${location.pathname}${location.search}${fragment}`);
    if (!copy) return;
    try {
      await navigator.clipboard.writeText(location.href);
      this.#say('[data-share-status]', s.shareCopied);
    } catch {
      this.#say('[data-share-status]', s.shareInBar);
    }
  }

  async #share(): Promise<void> {
    await this.#writeFragment(this.#state(), true);
  }
}

if (!customElements.get('lab-workbench')) customElements.define('lab-workbench', LabWorkbench);

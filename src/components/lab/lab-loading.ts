/**
 * The lab's loading bar: how far Python's first download has got (bytes, as the worker counts them), then its start.
 * The bar and its byte count are redrawn as bytes arrive; what is said aloud (through the workbench's polite status)
 * is only each stage and every quarter of the download, so a screen reader is not flooded.
 */
import type { LabProgress } from '../../lab/lab-runtime.ts';
import type { LabStrings } from '../../i18n/lab.ts';
import { fill } from '../../i18n/fill.ts';
import { formatBytes } from '../../render/format-bytes.ts';

/** The quarters of the download said aloud (25 %, 50 %, 75 %); the end is said as "starting". */
const STEPS = 4;

export class LabLoading extends HTMLElement {
  #strings: LabStrings | undefined;
  #say: (text: string) => void = () => undefined;
  #said = 0;
  #downloaded = false;

  /** The page's strings, and where to say a stage aloud. */
  configure(strings: LabStrings, say: (text: string) => void): void {
    this.#strings = strings;
    this.#say = say;
  }

  #bar(): HTMLProgressElement | null {
    return this.querySelector('progress');
  }

  #total(): number {
    return this.#bar()?.max ?? 1;
  }

  /** A stage of the runtime (see `LabProgress`). */
  progress(stage: LabProgress): void {
    const s = this.#strings;
    if (!s) return;
    if (stage === 'python') {
      this.hidden = false;
      this.#said = 0;
      this.#downloaded = false;
      this.bytes(0);
      this.#say(fill(s.loadDownloading, { size: formatBytes(this.#total()) }));
    } else if (stage === 'harness') {
      this.bytes(this.#total());
      this.#say(s.loadHarness);
    } else if (stage === 'restarting') {
      this.#say(s.loadRestarting);
    } else {
      // `ready` or `running`: Python is up.
      this.hidden = true;
      if (stage === 'running') this.#say(s.running);
    }
  }

  /** The bytes received so far. */
  bytes(loaded: number): void {
    const s = this.#strings;
    const bar = this.#bar();
    if (!s || !bar) return;
    const total = this.#total();
    bar.value = Math.min(loaded, total);
    const text = this.querySelector('[data-loading-bytes]');
    if (text) text.textContent = fill(s.loadBytes, { loaded: formatBytes(bar.value), total: formatBytes(total) });
    const step = Math.floor((bar.value / total) * STEPS);
    if (step >= STEPS) this.#finishDownload();
    else if (step > this.#said) {
      this.#said = step;
      this.#say(fill(s.loadPercent, { percent: (step * 100) / STEPS }));
    }
  }

  /** Hides the bar (a run that failed to load, or one replaced by another). */
  stop(): void {
    this.hidden = true;
  }

  #finishDownload(): void {
    const bar = this.#bar();
    if (bar) bar.value = bar.max;
    if (this.#downloaded || !this.#strings) return;
    this.#downloaded = true;
    this.#say(this.#strings.loadStarting);
  }
}

if (!customElements.get('lab-loading')) customElements.define('lab-loading', LabLoading);

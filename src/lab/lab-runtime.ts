import { LAB_RUN_LIMIT_MS, type LabRunRequest, type LabRunResult } from './lab-protocol.ts';
import type { LabLoadStage, LabWorkerMessage, LabWorkerRequest } from './lab-worker-messages.ts';

/**
 * What the page can show while it waits: the worker's loading stages (`python`, `harness`, `ready`), `running` once
 * the current run's code has begun (its time limit counts from there), and `restarting` after a run was stopped.
 */
export type LabProgress = LabLoadStage | 'running' | 'restarting';

/** The worker as the runtime drives it (the browser's `Worker` by default; tests may pass their own). */
export interface LabWorkerHandle {
  post(message: LabWorkerRequest): void;
  terminate(): void;
}

/** Starts a worker that reports to these callbacks. */
export type LabWorkerFactory = (events: {
  message(message: LabWorkerMessage): void;
  error(message: string): void;
}) => LabWorkerHandle;

/**
 * How long a fresh worker may take to start Python before it is given up (a `load` error; the next run tries a new
 * worker). Starting means downloading about 4 MB compressed and compiling it: seconds on a good connection, half a
 * minute on a slow one. The limit exists because Pyodide's loader, when the WebAssembly's download breaks off
 * mid-way, only logs "wasm instantiation failed!" and never settles (pyodide.mjs, `getInstantiateWasmFunc`): without
 * it, the lab would wait forever.
 */
export const LAB_LOAD_LIMIT_MS = 120_000;

export interface LabRuntimeOptions {
  onProgress?: (progress: LabProgress) => void;
  /** While Python loads: the bytes of its files received so far (from zero again if a download is retried). */
  onDownload?: (loaded: number) => void;
  /** Defaults to `LAB_RUN_LIMIT_MS`. */
  limitMs?: number;
  /** Defaults to `LAB_LOAD_LIMIT_MS`. */
  loadLimitMs?: number;
  /** Defaults to the lab's module worker (`lab-worker.ts`), from this origin. */
  createWorker?: LabWorkerFactory;
}

/** The lab's module worker, from this origin. Vite bundles `lab-worker.ts` (and the harness it imports) on its own. */
const browserWorker: LabWorkerFactory = (events) => {
  const worker = new Worker(new URL('./lab-worker.ts', import.meta.url), { type: 'module', name: 'hbh-lab' });
  worker.addEventListener('message', (event: MessageEvent<LabWorkerMessage>) => events.message(event.data));
  worker.addEventListener('error', (event: ErrorEvent) => {
    // A worker script that cannot load (offline before it was ever cached) fires a bare error event.
    event.preventDefault();
    events.error(event.message || 'the lab’s worker could not start');
  });
  return { post: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
};

/** Thrown (as the rejection of `run`) when a newer `run` or `dispose` replaced a run still waiting for its answer. */
export class LabRunSuperseded extends Error {
  override readonly name = 'LabRunSuperseded';
}

interface Pending {
  request: LabRunRequest;
  resolve: (result: LabRunResult) => void;
  reject: (error: Error) => void;
}

/**
 * Runs the reader's code in real Python (Pyodide) in a Web Worker. Nothing loads before the first `run`. One run at a
 * time: a newer `run` supersedes the one still waiting (whose promise rejects with `LabRunSuperseded`; its late
 * answer is recognised by id and dropped). A run whose code goes on past the limit is stopped by terminating the
 * worker — the only way to stop Python mid-bytecode — and answered `{ ok: false, error: { kind: 'timeout' } }`;
 * a fresh worker starts Python again at once, for the next run.
 */
export class LabRuntime {
  readonly #limitMs: number;
  readonly #loadLimitMs: number;
  readonly #onProgress: (progress: LabProgress) => void;
  readonly #onDownload: (loaded: number) => void;
  readonly #createWorker: LabWorkerFactory;
  #worker: LabWorkerHandle | undefined;
  #pending: Pending | undefined;
  /** The run the worker is executing now, and the timer that stops it. */
  #running: { id: number; timer: ReturnType<typeof setTimeout> } | undefined;
  /** Set while the current worker is starting Python: the timer that gives it up. */
  #loading: ReturnType<typeof setTimeout> | undefined;
  #nextId = 0;

  constructor(options: LabRuntimeOptions = {}) {
    this.#limitMs = options.limitMs ?? LAB_RUN_LIMIT_MS;
    this.#loadLimitMs = options.loadLimitMs ?? LAB_LOAD_LIMIT_MS;
    this.#onProgress = options.onProgress ?? (() => undefined);
    this.#onDownload = options.onDownload ?? (() => undefined);
    this.#createWorker = options.createWorker ?? browserWorker;
  }

  run(request: Omit<LabRunRequest, 'type' | 'id'>): Promise<LabRunResult> {
    const full: LabRunRequest = { ...request, type: 'run', id: ++this.#nextId };
    this.#pending?.reject(new LabRunSuperseded(`run ${this.#pending.request.id} was replaced by run ${full.id}`));
    return new Promise<LabRunResult>((resolve, reject) => {
      this.#pending = { request: full, resolve, reject };
      this.#ensureWorker().post(full);
    });
  }

  /** Stops the worker (Python with it) and rejects a run still waiting. The runtime can run again afterwards. */
  dispose(): void {
    this.#stopWorker();
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(new LabRunSuperseded('the lab was closed'));
  }

  #ensureWorker(): LabWorkerHandle {
    if (this.#worker) return this.#worker;
    const worker = this.#createWorker({
      message: (message) => {
        if (this.#worker === worker) this.#onMessage(message);
      },
      error: (message) => {
        if (this.#worker === worker) this.#onWorkerError(message);
      },
    });
    this.#worker = worker;
    this.#loading = setTimeout(() => this.#onLoadTimeout(), this.#loadLimitMs);
    return worker;
  }

  #stopWorker(): void {
    if (this.#running) clearTimeout(this.#running.timer);
    this.#running = undefined;
    clearTimeout(this.#loading);
    this.#loading = undefined;
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  #onMessage(message: LabWorkerMessage): void {
    if (message.type === 'progress') {
      if (message.stage === 'ready') {
        clearTimeout(this.#loading);
        this.#loading = undefined;
      }
      this.#onProgress(message.stage);
    } else if (message.type === 'download') {
      this.#onDownload(message.loaded);
    } else if (message.type === 'started') {
      if (this.#running) clearTimeout(this.#running.timer);
      const id = message.id;
      this.#running = { id, timer: setTimeout(() => this.#onTimeout(id), this.#limitMs) };
      if (id === this.#pending?.request.id) this.#onProgress('running');
    } else {
      if (this.#running?.id === message.id) {
        clearTimeout(this.#running.timer);
        this.#running = undefined;
      }
      if (message.id === this.#pending?.request.id) this.#settle(message);
    }
  }

  #onTimeout(id: number): void {
    this.#stopWorker();
    this.#onProgress('restarting');
    const pending = this.#pending;
    if (pending && pending.request.id !== id) {
      // The run that never ended was an older one; the reader's latest run was queued behind it and now goes first.
      this.#ensureWorker().post(pending.request);
      return;
    }
    this.#ensureWorker().post({ type: 'start' });
    const seconds = this.#limitMs / 1000;
    this.#settle({
      type: 'result',
      id,
      ok: false,
      error: { kind: 'timeout', message: `the code ran for more than ${seconds} s and was stopped` },
    });
  }

  #onLoadTimeout(): void {
    this.#onWorkerError(`Python did not start within ${this.#loadLimitMs / 1000} s`);
  }

  #onWorkerError(message: string): void {
    this.#stopWorker();
    const pending = this.#pending;
    if (pending) this.#settle({ type: 'result', id: pending.request.id, ok: false, error: { kind: 'load', message } });
  }

  #settle(result: LabRunResult): void {
    const pending = this.#pending;
    if (pending?.request.id !== result.id) return;
    this.#pending = undefined;
    pending.resolve(result);
  }
}

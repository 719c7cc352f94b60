/**
 * The lab's Web Worker (a module worker from this origin): starts Python on its first request, then answers each
 * `LabRunRequest` with a `LabRunResult`, one at a time. Python runs here so the page stays responsive; code that
 * never returns is stopped by `LabRuntime`, which terminates this worker and starts another.
 */
import type { loadPyodide as LoadPyodide } from 'pyodide';
import harnessSource from './harness.py?raw';
import type { LabRunRequest } from './lab-protocol.ts';
import { startLabPython, type LabPython } from './lab-python.ts';
import { countFetchedBytes } from './counted-fetch.ts';
import type { LabWorkerMessage, LabWorkerRequest } from './lab-worker-messages.ts';
import { PYODIDE_BASE } from './pyodide-files.ts';

function post(message: LabWorkerMessage): void {
  postMessage(message);
}

/** How often, at most, the worker reports the bytes received (the page redraws its progress bar with each). */
const DOWNLOAD_REPORT_MS = 100;

/**
 * Reports the bytes of Python's files received, from zero (a second try counts again), at most every 100 ms: what
 * `fetch` brings as it arrives (the WebAssembly, the standard library), and Pyodide's two loader modules, which are
 * imported as scripts, once each has arrived (from the browser's resource timing entries).
 */
function reportDownload(): () => void {
  let loaded = 0;
  let last = 0;
  let stopped = false;
  const add = (bytes: number): void => {
    loaded += bytes;
    const now = performance.now();
    if (stopped || now - last < DOWNLOAD_REPORT_MS) return;
    last = now;
    post({ type: 'download', loaded });
  };
  post({ type: 'download', loaded });
  const restore = countFetchedBytes(add);
  const modules = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      if (new URL(entry.name).pathname.startsWith(PYODIDE_BASE) && entry.name.endsWith('.mjs')) {
        add(entry.decodedBodySize);
      }
    }
  });
  modules.observe({ type: 'resource', buffered: true });
  return () => {
    if (stopped) return;
    stopped = true;
    restore();
    modules.disconnect();
    post({ type: 'download', loaded });
  };
}

/** Python, once started (kept for the worker's life); a failed start is forgotten so the next request tries again. */
let python: Promise<LabPython> | undefined;

/** What Pyodide's loader logs, and nothing more, when its WebAssembly fails to load (see `instantiationFailure`). */
const INSTANTIATION_FAILED = 'wasm instantiation failed!';

/**
 * A promise that rejects when Pyodide reports that its WebAssembly did not load. Its loader catches that failure,
 * logs `INSTANTIATION_FAILED` and the error with console.warn, and never settles (pyodide.mjs,
 * `getInstantiateWasmFunc`); in Chromium it happens when the download breaks off ("Response body loading was
 * aborted"). Watching those two warnings turns the silent hang into an error that can be retried.
 */
function instantiationFailure(): { failed: Promise<never>; stop: () => void } {
  const warn = console.warn;
  let fail: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  let failedNext = false;
  console.warn = (...args: unknown[]) => {
    warn.apply(console, args);
    if (failedNext) fail(new Error(`Pyodide's WebAssembly did not load: ${String(args[0])}`));
    failedNext = args[0] === INSTANTIATION_FAILED;
  };
  return {
    failed,
    stop: () => {
      console.warn = warn;
    },
  };
}

async function loadOnce(): Promise<LabPython> {
  post({ type: 'progress', stage: 'python' });
  // Pyodide's loader, served by the site next to its WebAssembly (not bundled: it finds its files beside itself).
  const { loadPyodide } = (await import(/* @vite-ignore */ `${PYODIDE_BASE}pyodide.mjs`)) as {
    loadPyodide: typeof LoadPyodide;
  };
  const watch = instantiationFailure();
  const download = reportDownload();
  try {
    return await Promise.race([
      startLabPython(loadPyodide, PYODIDE_BASE, harnessSource, () => {
        download();
        post({ type: 'progress', stage: 'harness' });
      }),
      watch.failed,
    ]);
  } finally {
    download();
    watch.stop();
  }
}

/** Starts Python, a second time if the first download broke off (a fresh Pyodide instance asks for its files again). */
async function start(): Promise<LabPython> {
  let started: LabPython;
  try {
    started = await loadOnce();
  } catch {
    started = await loadOnce();
  }
  post({ type: 'progress', stage: 'ready' });
  return started;
}

/** Python's start, awaited on the way (the first run waits for it); a failure is answered as a `load` error. */
async function ready(): Promise<LabPython | Error> {
  try {
    return await (python ??= start());
  } catch (error) {
    python = undefined;
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The newest run asked for: a run still queued behind Python's start or another run is skipped once superseded. */
let latest = 0;

async function answer(request: LabRunRequest): Promise<void> {
  const lab = await ready();
  if (request.id !== latest) return;
  if (lab instanceof Error) {
    post({ type: 'result', id: request.id, ok: false, error: { kind: 'load', message: lab.message } });
    return;
  }
  post({ type: 'started', id: request.id });
  post(lab.run(request));
}

/** Requests are answered in the order they came: each waits for the one before (and for Python to start). */
let queue = Promise.resolve();

addEventListener('message', (event: MessageEvent<LabWorkerRequest>) => {
  const request = event.data;
  if (request.type === 'start') {
    void ready();
  } else if (request.type === 'run') {
    latest = request.id;
    queue = queue.then(() => answer(request));
  }
});

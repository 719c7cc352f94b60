/**
 * The lab's Web Worker (a module worker from this origin): starts Python on its first request, then answers each
 * `LabRunRequest` with a `LabRunResult`, one at a time. Python runs here so the page stays responsive; code that
 * never returns is stopped by `LabRuntime`, which terminates this worker and starts another.
 */
import type { loadPyodide as LoadPyodide } from 'pyodide';
import harnessSource from './harness.py?raw';
import type { LabRunRequest } from './lab-protocol.ts';
import { startLabPython, type LabPython } from './lab-python.ts';
import type { LabWorkerMessage, LabWorkerRequest } from './lab-worker-messages.ts';
import { PYODIDE_BASE } from './pyodide-files.ts';

function post(message: LabWorkerMessage): void {
  postMessage(message);
}

/** Python, once started (kept for the worker's life); a failed start is forgotten so the next request tries again. */
let python: Promise<LabPython> | undefined;

async function start(): Promise<LabPython> {
  post({ type: 'progress', stage: 'python' });
  // Pyodide's loader, served by the site next to its WebAssembly (not bundled: it finds its files beside itself).
  const { loadPyodide } = (await import(/* @vite-ignore */ `${PYODIDE_BASE}pyodide.mjs`)) as {
    loadPyodide: typeof LoadPyodide;
  };
  const started = await startLabPython(loadPyodide, PYODIDE_BASE, harnessSource, () =>
    post({ type: 'progress', stage: 'harness' }),
  );
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

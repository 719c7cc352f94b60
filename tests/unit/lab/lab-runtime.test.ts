import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabRunRequest, LabRunResult } from '../../../src/lab/lab-protocol.ts';
import { LabRunSuperseded, LabRuntime, type LabWorkerFactory } from '../../../src/lab/lab-runtime.ts';
import type { LabWorkerMessage, LabWorkerRequest } from '../../../src/lab/lab-worker-messages.ts';

/**
 * The runtime's own bookkeeping (ids, the time limit, restarts), driven by a scripted worker. Real Python behind the
 * real worker is tested in lab-python.test.ts (Node) and tests/e2e/lab-runtime.test.ts (Chromium).
 */
interface ScriptedWorker {
  received: LabWorkerRequest[];
  terminated: boolean;
  send(message: LabWorkerMessage): void;
  fail(message: string): void;
}

function scriptedWorkers(): { factory: LabWorkerFactory; workers: ScriptedWorker[] } {
  const workers: ScriptedWorker[] = [];
  const factory: LabWorkerFactory = (events) => {
    const worker: ScriptedWorker = {
      received: [],
      terminated: false,
      send: (message) => events.message(message),
      fail: (message) => events.error(message),
    };
    workers.push(worker);
    return {
      post: (message) => worker.received.push(message),
      terminate: () => {
        worker.terminated = true;
      },
    };
  };
  return { factory, workers };
}

const CODE: Omit<LabRunRequest, 'type' | 'id'> = {
  app: { name: 'app.py', source: 'def application(e, s): pass' },
  middleware: [],
  environ: [],
  input: '',
};

function ok(id: number): LabRunResult {
  return {
    type: 'result',
    id,
    ok: true,
    boundaries: [],
    errors: '',
    stdout: '',
    validator: { warnings: [] },
    durationMs: 1,
  };
}

function worker(workers: ScriptedWorker[], index: number): ScriptedWorker {
  const found = workers[index];
  if (!found) throw new Error(`no worker ${index}`);
  return found;
}

describe('LabRuntime', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts no worker before the first run, then one for every run after', async () => {
    const { factory, workers } = scriptedWorkers();
    const runtime = new LabRuntime({ createWorker: factory });
    expect(workers).toHaveLength(0);
    const first = runtime.run(CODE);
    expect(workers).toHaveLength(1);
    const w = worker(workers, 0);
    expect(w.received).toEqual([{ ...CODE, type: 'run', id: 1 }]);
    w.send({ type: 'started', id: 1 });
    w.send(ok(1));
    await expect(first).resolves.toEqual(ok(1));
    const second = runtime.run(CODE);
    w.send({ type: 'started', id: 2 });
    w.send(ok(2));
    await expect(second).resolves.toEqual(ok(2));
    expect(workers).toHaveLength(1);
  });

  it('reports the loading stages and the start of the run', async () => {
    const { factory, workers } = scriptedWorkers();
    const progress: string[] = [];
    const runtime = new LabRuntime({ createWorker: factory, onProgress: (p) => progress.push(p) });
    const run = runtime.run(CODE);
    const w = worker(workers, 0);
    for (const stage of ['python', 'harness', 'ready'] as const) w.send({ type: 'progress', stage });
    w.send({ type: 'started', id: 1 });
    w.send(ok(1));
    await run;
    expect(progress).toEqual(['python', 'harness', 'ready', 'running']);
  });

  it('passes on the bytes of Python received while it loads', async () => {
    const { factory, workers } = scriptedWorkers();
    const loaded: number[] = [];
    const runtime = new LabRuntime({ createWorker: factory, onDownload: (n) => loaded.push(n) });
    const run = runtime.run(CODE);
    const w = worker(workers, 0);
    w.send({ type: 'progress', stage: 'python' });
    for (const n of [0, 65_536, 9_000_000]) w.send({ type: 'download', loaded: n });
    w.send({ type: 'progress', stage: 'ready' });
    w.send({ type: 'started', id: 1 });
    w.send(ok(1));
    await expect(run).resolves.toEqual(ok(1));
    expect(loaded).toEqual([0, 65_536, 9_000_000]);
  });

  it('lets a newer run supersede one still waiting, and drops the older answer', async () => {
    const { factory, workers } = scriptedWorkers();
    const runtime = new LabRuntime({ createWorker: factory });
    const older = runtime.run(CODE);
    const newer = runtime.run(CODE);
    await expect(older).rejects.toBeInstanceOf(LabRunSuperseded);
    const w = worker(workers, 0);
    w.send({ type: 'started', id: 1 });
    w.send(ok(1));
    w.send({ type: 'started', id: 2 });
    w.send(ok(2));
    await expect(newer).resolves.toEqual(ok(2));
  });

  it('stops a run past the limit by terminating the worker, answers timeout, and starts Python again', async () => {
    const { factory, workers } = scriptedWorkers();
    const progress: string[] = [];
    const runtime = new LabRuntime({ createWorker: factory, limitMs: 5000, onProgress: (p) => progress.push(p) });
    const run = runtime.run(CODE);
    const w = worker(workers, 0);
    // Loading Python takes as long as it takes: the limit counts from the start of the run.
    await vi.advanceTimersByTimeAsync(20_000);
    w.send({ type: 'started', id: 1 });
    await vi.advanceTimersByTimeAsync(4999);
    expect(w.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(w.terminated).toBe(true);
    await expect(run).resolves.toEqual({
      type: 'result',
      id: 1,
      ok: false,
      error: { kind: 'timeout', message: 'the code ran for more than 5 s and was stopped' },
    });
    expect(progress).toEqual(['running', 'restarting']);
    // A fresh worker is already starting Python for the next run; a late word from the old one is ignored.
    const fresh = worker(workers, 1);
    expect(fresh.received).toEqual([{ type: 'start' }]);
    w.send(ok(1));
    const next = runtime.run(CODE);
    expect(fresh.received).toEqual([{ type: 'start' }, { ...CODE, type: 'run', id: 2 }]);
    fresh.send({ type: 'started', id: 2 });
    fresh.send(ok(2));
    await expect(next).resolves.toEqual(ok(2));
  });

  it('reruns the newest run on a fresh worker when an older, superseded run never ends', async () => {
    const { factory, workers } = scriptedWorkers();
    const runtime = new LabRuntime({ createWorker: factory, limitMs: 5000 });
    const older = runtime.run(CODE).catch((error: unknown) => error);
    const w = worker(workers, 0);
    w.send({ type: 'started', id: 1 });
    const newer = runtime.run(CODE);
    expect(await older).toBeInstanceOf(LabRunSuperseded);
    await vi.advanceTimersByTimeAsync(5000);
    expect(w.terminated).toBe(true);
    const fresh = worker(workers, 1);
    expect(fresh.received).toEqual([{ ...CODE, type: 'run', id: 2 }]);
    fresh.send({ type: 'started', id: 2 });
    fresh.send(ok(2));
    await expect(newer).resolves.toEqual(ok(2));
  });

  it('answers a worker that cannot start with a load error, and tries a new worker on the next run', async () => {
    const { factory, workers } = scriptedWorkers();
    const runtime = new LabRuntime({ createWorker: factory });
    const run = runtime.run(CODE);
    worker(workers, 0).fail('network error');
    await expect(run).resolves.toEqual({
      type: 'result',
      id: 1,
      ok: false,
      error: { kind: 'load', message: 'network error' },
    });
    expect(worker(workers, 0).terminated).toBe(true);
    void runtime.run(CODE);
    expect(workers).toHaveLength(2);
  });

  it('gives up a worker whose Python never starts, with a load error, and starts afresh on the next run', async () => {
    const { factory, workers } = scriptedWorkers();
    const runtime = new LabRuntime({ createWorker: factory, loadLimitMs: 60_000 });
    const run = runtime.run(CODE);
    const w = worker(workers, 0);
    w.send({ type: 'progress', stage: 'python' });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(w.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(w.terminated).toBe(true);
    await expect(run).resolves.toEqual({
      type: 'result',
      id: 1,
      ok: false,
      error: { kind: 'load', message: 'Python did not start within 60 s' },
    });
    const next = runtime.run(CODE);
    const fresh = worker(workers, 1);
    fresh.send({ type: 'progress', stage: 'ready' });
    // Once Python is up, the load limit no longer applies, however long the reader waits between runs.
    await vi.advanceTimersByTimeAsync(600_000);
    expect(fresh.terminated).toBe(false);
    fresh.send({ type: 'started', id: 2 });
    fresh.send(ok(2));
    await expect(next).resolves.toEqual(ok(2));
  });

  it('dispose stops the worker and rejects the waiting run; the runtime can run again', async () => {
    const { factory, workers } = scriptedWorkers();
    const runtime = new LabRuntime({ createWorker: factory });
    const run = runtime.run(CODE);
    runtime.dispose();
    await expect(run).rejects.toBeInstanceOf(LabRunSuperseded);
    expect(worker(workers, 0).terminated).toBe(true);
    const again = runtime.run(CODE);
    const w = worker(workers, 1);
    w.send({ type: 'started', id: 2 });
    w.send(ok(2));
    await expect(again).resolves.toEqual(ok(2));
  });
});

import type { LabRunRequest, LabRunResult } from './lab-protocol.ts';

/** Page → worker: a run, or "start Python now" (sent to a fresh worker after a stopped run, so the next run is quick). */
export type LabWorkerRequest = LabRunRequest | { type: 'start' };

/**
 * What the lab's worker (`lab-worker.ts`) tells `LabRuntime` besides a run's result: how far loading Python has got
 * (its stage, and during `python` the bytes of Python's files received so far, `download`), and that a run has begun executing (its time limit counts from there, not from the request: loading Python on the
 * first run takes seconds and is no part of the reader's code).
 */
export type LabWorkerMessage =
  | { type: 'progress'; stage: LabLoadStage }
  | { type: 'download'; loaded: number }
  | { type: 'started'; id: number }
  | LabRunResult;

/**
 * `python`: fetching and starting the interpreter (first run only; seconds, most of it downloading and compiling
 * about 10 MB of WebAssembly); `harness`: importing the lab's harness; `ready`: waiting for code.
 */
export type LabLoadStage = 'python' | 'harness' | 'ready';

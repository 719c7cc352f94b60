import type { Trace } from '../trace.ts';
import { createWsgiApp, type WsgiAppId } from '../apps/wsgi-apps.ts';
import { tracePipeline } from './trace-pipeline.ts';

/** Options for one run. */
export interface RunPipelineOptions {
  /** The WSGI application at the end of pipelines that have one (default `plain`). */
  app?: WsgiAppId;
}

/**
 * Traces raw request bytes through a pipeline, ending in any of the modelled applications. Throws only for an
 * unknown pipeline id; a malformed request yields a trace with `error` (see `tracePipeline`).
 */
export function runPipeline(pipelineId: string, requestBytes: Uint8Array, options: RunPipelineOptions = {}): Trace {
  const id = options.app ?? 'plain';
  return tracePipeline(pipelineId, requestBytes, { id, create: () => createWsgiApp(id) });
}

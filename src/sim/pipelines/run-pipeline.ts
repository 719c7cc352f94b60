import type { Trace } from '../trace.ts';
import { WSGI_APPS, type WsgiAppId } from '../apps/wsgi-apps.ts';
import { ownEntry } from '../own-entry.ts';
import { tracePipeline } from './trace-pipeline.ts';

/** Options for one run. */
export interface RunPipelineOptions {
  /** The WSGI application at the end of pipelines that have one (default `plain`). */
  app?: WsgiAppId;
}

/**
 * Traces raw request bytes through a pipeline, ending in any of the modelled applications. Throws `UnknownNameError`
 * for an unknown pipeline or application id and `RequestTooLargeError` for a request over `MAX_REQUEST_BYTES`; a
 * malformed request yields a trace with `error` (see `tracePipeline`).
 */
export function runPipeline(pipelineId: string, requestBytes: Uint8Array, options: RunPipelineOptions = {}): Trace {
  const id = options.app ?? 'plain';
  const create = ownEntry('app', WSGI_APPS, id);
  return tracePipeline(pipelineId, requestBytes, { id, create });
}

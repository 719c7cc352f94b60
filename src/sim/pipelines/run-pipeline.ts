import type { Trace } from '../trace.ts';
import { WSGI_APPS, type WsgiAppId } from '../apps/wsgi-apps.ts';
import { ownEntry } from '../own-entry.ts';
import { tracePipeline } from './trace-pipeline.ts';
import { resolveFault } from '../faults/resolve-fault.ts';
import { partsOf } from './static-parts.ts';
import type { CgiScript } from './run-context.ts';

/** Options for one run. */
export interface RunPipelineOptions {
  /** The WSGI application at the end of pipelines that have one (default `plain`). */
  app?: WsgiAppId;
  /**
   * The CGI pipelines' script (default `cgihandler`): `wsgiref.handlers.CGIHandler().run(app)` calling the WSGI
   * application, or `dump`, the conformance suite's plain CGI script (tests/fixtures/apps/dump_cgi.py), which
   * answers by itself.
   */
  cgiScript?: CgiScript;
  /**
   * A fault to inject (`backend-down`, `app-exception`, `bad-response`, `app-timeout`). Throws `UnknownNameError`
   * for another name and `UnsupportedFaultError` (with the reason) for one the pipeline cannot have.
   */
  fault?: string;
}

/**
 * Traces raw request bytes through a pipeline, ending in any of the modelled applications. Throws `UnknownNameError`
 * for an unknown pipeline or application id and `RequestTooLargeError` for a request over `MAX_REQUEST_BYTES`; a
 * malformed request yields a trace with `error` (see `tracePipeline`).
 */
export function runPipeline(pipelineId: string, requestBytes: Uint8Array, options: RunPipelineOptions = {}): Trace {
  const id = options.app ?? 'plain';
  const create = ownEntry('app', WSGI_APPS, id);
  const parts = partsOf(pipelineId);
  const fault = options.fault === undefined ? undefined : resolveFault(parts.pipeline, options.fault);
  return tracePipeline(parts, requestBytes, { id, create, cgiScript: options.cgiScript ?? 'cgihandler' }, fault);
}

/** Everything the player needs only once the reader changes the request: loaded on demand, never up front. */
import type { AcceptedFault, Trace } from '../../sim/index.ts';
import type { TraceParts } from '../../sim/pipelines/trace-parts.ts';
import { tracePipeline } from '../../sim/pipelines/trace-pipeline.ts';
import { createPlainWsgiApp } from '../../sim/apps/plain-wsgi-app.ts';

/**
 * Traces a request as the pages do: every pipeline ends in the plain application, so only it is bundled. The
 * pipeline's parts come from `loadParts` (one chunk per pipeline). A fault comes from the page's configuration (the
 * manifest's accepted faults, checked at build time and against the link).
 */
export function runPipeline(parts: TraceParts, bytes: Uint8Array, fault?: AcceptedFault): Trace {
  return tracePipeline(parts, bytes, { id: 'plain', create: createPlainWsgiApp }, fault);
}
export { PRESETS, findPreset } from '../../player/presets.ts';
export { renderTrace, renderStep, renderError } from '../../render/render-trace.ts';
export { positionOfByte } from '../../render/text-position.ts';
export { toDom } from '../to-dom.ts';
export { compareTraces } from '../../render/compare-traces.ts';
export { renderComparison } from '../../render/render-comparison.ts';

/** Everything the player needs only once the reader changes the request: loaded on demand, never up front. */
import type { AcceptedFault, Trace } from '../../sim/index.ts';
import { tracePipeline } from '../../sim/pipelines/trace-pipeline.ts';
import { createPlainWsgiApp } from '../../sim/apps/plain-wsgi-app.ts';

/**
 * Traces a request as the pages do: every pipeline ends in the plain application, so only it is bundled. A fault
 * comes from the page's configuration (the manifest's accepted faults, checked at build time and against the link).
 */
export function runPipeline(pipelineId: string, bytes: Uint8Array, fault?: AcceptedFault): Trace {
  return tracePipeline(pipelineId, bytes, { id: 'plain', create: createPlainWsgiApp }, fault);
}
export { PRESETS, findPreset } from '../../player/presets.ts';
export { renderTrace, renderStep, renderError } from '../../render/render-trace.ts';
export { positionOfByte } from '../../render/text-position.ts';
export { toDom } from '../to-dom.ts';
export { PIPELINES } from '../../sim/pipelines/manifest/index.ts';
export { compareTraces } from '../../render/compare-traces.ts';
export { renderComparison } from '../../render/render-comparison.ts';

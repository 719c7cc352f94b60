/** Everything the player needs only once the reader changes the request: loaded on demand, never up front. */
export { runPipeline, PIPELINES } from '../../sim/index.ts';
export { PRESETS, findPreset } from '../../player/presets.ts';
export { compareTraces } from '../../player/compare-traces.ts';
export { renderTrace, renderStep, renderError, renderComparison } from '../../player/render-trace.ts';
export { positionOfByte } from '../../player/text-position.ts';
export { toDom } from './dom.ts';

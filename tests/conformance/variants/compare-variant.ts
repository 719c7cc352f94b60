/** The simulator against one capture of a variant, exactly as simulator.test.ts compares the corpus. */
import { runPipeline } from '../../../src/sim/index.ts';
import type { Capture } from '../build-capture.ts';
import { compareCgiHandlerWithCapture, compareTraceWithCapture } from '../compare-trace.ts';
import type { PipelineSpec } from '../pipelines.ts';

/** Field-by-field differences (empty when they agree); a simulator that throws is a difference too. */
export function compareVariant(pipeline: PipelineSpec, bytes: Uint8Array, capture: Capture | undefined): string[] {
  if (!capture) return ['capture: the real servers produced no capture for this request'];
  try {
    const differences = compareTraceWithCapture(
      runPipeline(pipeline.id, bytes, { app: 'dump', cgiScript: 'dump' }),
      capture,
    );
    if (pipeline.runs.some((run) => run.name === 'cgihandler')) {
      const trace = runPipeline(pipeline.id, bytes, { app: 'dump', cgiScript: 'cgihandler' });
      differences.push(...compareCgiHandlerWithCapture(trace, capture));
    }
    return differences;
  } catch (error) {
    return [`simulator threw: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** The fields a list of differences names (`response`, `fastcgi`, `cgiHandler.environ`…). */
export function differingFields(differences: readonly string[]): Set<string> {
  return new Set(differences.map((difference) => /^[\w.]+/.exec(difference)?.[0] ?? difference));
}

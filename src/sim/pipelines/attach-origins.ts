import type { Trace } from '../trace.ts';
import type { PipelineDefinition } from './pipeline-types.ts';
import { originsIn, routeOriginsIn } from './definition-origins.ts';
import { hopVariables } from '../hop-variables.ts';

/**
 * Puts into every request hop the configuration lines behind the variables it carries, after the lines that send the
 * request along the hop (routes) if any.
 */
export function attachOrigins(trace: Trace, pipeline: PipelineDefinition): void {
  for (const hop of trace.hops) {
    if (hop.direction !== 'request') continue;
    const origins = [
      ...routeOriginsIn(pipeline, hop.to),
      ...originsIn(
        pipeline,
        hopVariables(hop).map(([name]) => name),
      ),
    ];
    // Origins already on the hop (the line that set a limit the request crossed) stay first.
    const all = [...(hop.origins ?? []), ...origins];
    if (all.length > 0) hop.origins = all;
  }
}

import type { Trace } from '../trace.ts';
import { originsOf, routeOrigins } from './config-origins.ts';
import { hopVariables } from '../hop-variables.ts';

/**
 * Puts into every request hop the configuration lines behind the variables it carries, after the lines that send the
 * request along the hop (routes) if any.
 */
export function attachOrigins(trace: Trace): void {
  for (const hop of trace.hops) {
    if (hop.direction !== 'request') continue;
    const origins = [
      ...routeOrigins(trace.pipeline, hop.to),
      ...originsOf(
        trace.pipeline,
        hopVariables(hop).map(([name]) => name),
      ),
    ];
    if (origins.length > 0) hop.origins = origins;
  }
}

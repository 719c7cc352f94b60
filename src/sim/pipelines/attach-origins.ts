import type { Hop, Trace } from '../trace.ts';
import { originsOf, routeOrigins } from './config-origins.ts';

/** The names of the variables a request hop hands on: CGI env, FastCGI params, WSGI environ, protocol data or ASGI scope. */
function variableNames(hop: Hop): string[] {
  if (hop.cgi) return hop.cgi.env.map(([name]) => name);
  if (hop.fastcgi) return hop.fastcgi.records.flatMap((record) => record.params ?? []).map(([name]) => name);
  if (hop.wsgi) return hop.wsgi.environ.map(([name]) => name);
  if (hop.data) return hop.data.pairs.map(([name]) => name);
  if (hop.asgi?.scope) return hop.asgi.scope.map(([name]) => name);
  return [];
}

/**
 * Puts into every request hop the configuration lines behind the variables it carries, after the lines that send the
 * request along the hop (routes) if any.
 */
export function attachOrigins(trace: Trace): void {
  for (const hop of trace.hops) {
    if (hop.direction !== 'request') continue;
    const origins = [...routeOrigins(trace.pipeline, hop.to), ...originsOf(trace.pipeline, variableNames(hop))];
    if (origins.length > 0) hop.origins = origins;
  }
}

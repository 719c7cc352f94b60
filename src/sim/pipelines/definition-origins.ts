/**
 * The configuration lines behind a pipeline's variables and routes, read from its manifest entry (`origins`,
 * `routes`). config-origins.ts looks the entry up by id; the tracer passes the entry it runs, so it needs no manifest.
 */
import type { ConfigOrigin } from '../trace.ts';
import type { PipelineDefinition } from './pipeline-types.ts';
import { hasOwnName } from '../own-entry.ts';

/** The lines that send the request to `node` (the manifest's `routes`), marked as routes. */
export function routeOriginsIn(pipeline: PipelineDefinition, node: string): ConfigOrigin[] {
  const routes = pipeline.routes;
  const lines = routes && hasOwnName(routes, node) ? (routes[node] ?? []) : [];
  return lines.map(([name, file, directive]) => ({ name, file, directive, route: true }));
}

/** The configuration lines behind the given variables, in the order the names come. */
export function originsIn(pipeline: PipelineDefinition, names: readonly string[]): ConfigOrigin[] {
  const table = pipeline.origins;
  const seen = new Set<string>();
  const origins: ConfigOrigin[] = [];
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    for (const [file, directive] of hasOwnName(table, name) ? (table[name] ?? []) : [])
      origins.push({ name, file, directive });
  }
  return origins;
}

/**
 * Which line of a pipeline's reference configuration produces a variable, read from the pipeline's manifest entry
 * (`origins`, `routes`). Variables a server derives on its own (HTTP_* from headers, REQUEST_METHOD in Apache, …)
 * have no entry: no line of the configuration produced them.
 */
import type { ConfigOrigin } from '../trace.ts';
import type { PipelineDefinition } from './pipeline-types.ts';
import { hasOwnName } from '../own-entry.ts';
import { PIPELINES } from './manifest/index.ts';

function pipelineOf(pipelineId: string): PipelineDefinition | undefined {
  return hasOwnName(PIPELINES, pipelineId) ? PIPELINES[pipelineId] : undefined;
}

/** The lines that send the request to `node` (the manifest's `routes`), marked as routes. */
export function routeOrigins(pipelineId: string, node: string): ConfigOrigin[] {
  const routes = pipelineOf(pipelineId)?.routes;
  const lines = routes && hasOwnName(routes, node) ? (routes[node] ?? []) : [];
  return lines.map(([name, file, directive]) => ({ name, file, directive, route: true }));
}

/** Every origin the simulator can report for a pipeline, for checking them against the configuration files. */
export function pipelineOrigins(pipelineId: string): ConfigOrigin[] {
  const pipeline = pipelineOf(pipelineId);
  if (!pipeline) return [];
  return [
    ...Object.entries(pipeline.origins).flatMap(([name, lines]) =>
      lines.map(([file, directive]) => ({ name, file, directive })),
    ),
    ...Object.keys(pipeline.routes ?? {}).flatMap((node) => routeOrigins(pipelineId, node)),
    ...Object.values(pipeline.limits ?? {}).flatMap(({ setting, origin }) =>
      origin.file === undefined
        ? []
        : [{ name: setting, file: origin.file, directive: origin.directive, limit: true as const }],
    ),
  ];
}

/** The configuration lines behind the given variables, in the order the names come. */
export function originsOf(pipelineId: string, names: readonly string[]): ConfigOrigin[] {
  const table = pipelineOf(pipelineId)?.origins;
  if (!table) return [];
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

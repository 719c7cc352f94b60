/**
 * Which line of a pipeline's reference configuration produces a variable, read from the pipeline's manifest entry
 * (`origins`, `routes`). Variables a server derives on its own (HTTP_* from headers, REQUEST_METHOD in Apache, …)
 * have no entry: no line of the configuration produced them.
 */
import type { ConfigOrigin } from '../trace.ts';
import type { PipelineDefinition } from './pipeline-types.ts';
import { hasOwnName } from '../own-entry.ts';
import { PIPELINES } from './manifest/index.ts';
import { originsIn, routeOriginsIn } from './definition-origins.ts';

function pipelineOf(pipelineId: string): PipelineDefinition | undefined {
  return hasOwnName(PIPELINES, pipelineId) ? PIPELINES[pipelineId] : undefined;
}

/** The lines that send the request to `node` (the manifest's `routes`), marked as routes. */
export function routeOrigins(pipelineId: string, node: string): ConfigOrigin[] {
  const pipeline = pipelineOf(pipelineId);
  return pipeline ? routeOriginsIn(pipeline, node) : [];
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
  const pipeline = pipelineOf(pipelineId);
  return pipeline ? originsIn(pipeline, names) : [];
}

import type { TraceParts } from './trace-parts.ts';
import { PIPELINES } from './manifest/index.ts';
import { SERVER_PROFILES } from '../servers/server-profiles.ts';
import { ownEntry } from '../own-entry.ts';
import { RUNNERS } from './runners.ts';

/** A pipeline's parts from the full registry (every manifest entry, profile and runner). Throws `UnknownNameError`. */
export function partsOf(pipelineId: string): TraceParts {
  const pipeline = ownEntry('pipeline', PIPELINES, pipelineId);
  const server = ownEntry('server', SERVER_PROFILES, pipeline.server);
  return { pipeline, server, runner: RUNNERS[pipeline.kind], staticRunner: RUNNERS.static };
}

import type { PipelineDefinition } from './pipeline-types.ts';
import type { WebServerProfile } from '../servers/profile.ts';
import type { Runner } from './runners.ts';

/**
 * What tracing one pipeline needs: its manifest entry, its front server's profile, the runner of its kind, and the
 * static runner for requests the server answers from its document root. `partsOf` (static-parts.ts) builds them
 * from the full registry; the player loads one pipeline's parts on demand (parts/<id>.ts).
 */
export interface TraceParts {
  pipeline: PipelineDefinition;
  server: WebServerProfile;
  runner: Runner;
  staticRunner: Runner;
}

import type { PipelineDefinition } from './pipeline-types.ts';
import type { WebServerProfile } from '../servers/profile.ts';
import type { RequestContext } from '../servers/request-context.ts';

/** Whether the request goes to the application (true) or is answered by the web server itself (false). */
export function routesToApplication(
  pipeline: PipelineDefinition,
  server: WebServerProfile,
  context: RequestContext,
): boolean {
  return pipeline.kind !== 'static' && server.routesToApplication(context);
}

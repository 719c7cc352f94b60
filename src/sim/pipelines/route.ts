import type { PipelineDefinition } from './pipeline-types.ts';
import type { RequestContext } from '../servers/request-context.ts';
import { percentDecode, normalizePath } from '../http/target.ts';
import { lighttpdDecodedPath } from '../servers/lighttpd/lighttpd-uri.ts';
import { nginxUri } from '../servers/nginx/nginx-uri.ts';

/** Whether the request goes to the application (true) or is answered by the web server itself (false). */
export function routesToApplication(pipeline: PipelineDefinition, context: RequestContext): boolean {
  if (pipeline.kind === 'static') return false;
  if (pipeline.kind === 'wsgi-server') return true;
  if (pipeline.server === 'nginx') return nginxUri(context).startsWith('/app/');
  if (pipeline.server === 'lighttpd') return lighttpdDecodedPath(context).startsWith('/app');
  // Apache: AllowEncodedSlashes Off answers 404 for %2F before any module sees the request.
  if (/%2f|%00/i.test(context.target.path)) return false;
  const path = normalizePath(percentDecode(context.target.path), false);
  return path === '/app' || path.startsWith('/app/');
}

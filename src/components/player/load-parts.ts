/**
 * Loads what tracing one pipeline needs (its manifest entry, server profile and runner), each pipeline its own chunk:
 * a page loads its own pipeline's parts, and the comparison's second pipeline when the reader compares.
 */
import type { TraceParts } from '../../sim/pipelines/trace-parts.ts';

type PartsModule = Promise<{ PARTS: TraceParts }>;

const LOADERS = new Map<string, () => PartsModule>([
  ['apache-static', () => import('../../sim/pipelines/parts/apache-static.ts')],
  ['lighttpd-static', () => import('../../sim/pipelines/parts/lighttpd-static.ts')],
  ['nginx-static', () => import('../../sim/pipelines/parts/nginx-static.ts')],
  ['apache-cgi', () => import('../../sim/pipelines/parts/apache-cgi.ts')],
  ['lighttpd-cgi', () => import('../../sim/pipelines/parts/lighttpd-cgi.ts')],
  ['apache-fastcgi-flup', () => import('../../sim/pipelines/parts/apache-fastcgi-flup.ts')],
  ['lighttpd-fastcgi-flup', () => import('../../sim/pipelines/parts/lighttpd-fastcgi-flup.ts')],
  ['nginx-fastcgi-flup', () => import('../../sim/pipelines/parts/nginx-fastcgi-flup.ts')],
  ['nginx-fastcgi-php', () => import('../../sim/pipelines/parts/nginx-fastcgi-php.ts')],
  ['nginx-uwsgi', () => import('../../sim/pipelines/parts/nginx-uwsgi.ts')],
  ['nginx-gunicorn', () => import('../../sim/pipelines/parts/nginx-gunicorn.ts')],
  ['apache-modwsgi-embedded', () => import('../../sim/pipelines/parts/apache-modwsgi-embedded.ts')],
  ['apache-modwsgi-daemon', () => import('../../sim/pipelines/parts/apache-modwsgi-daemon.ts')],
  ['apache-mod-python', () => import('../../sim/pipelines/parts/apache-mod-python.ts')],
  ['nginx-uvicorn', () => import('../../sim/pipelines/parts/nginx-uvicorn.ts')],
  ['wsgiref', () => import('../../sim/pipelines/parts/wsgiref.ts')],
  ['werkzeug', () => import('../../sim/pipelines/parts/werkzeug.ts')],
  ['cherrypy', () => import('../../sim/pipelines/parts/cherrypy.ts')],
]);

const loaded = new Map<string, Promise<TraceParts>>();

/** The pipeline's parts, loaded once. Rejects for an id with no parts module (the pages only link known pipelines). */
export function loadParts(pipelineId: string): Promise<TraceParts> {
  let parts = loaded.get(pipelineId);
  if (!parts) {
    const load = LOADERS.get(pipelineId);
    parts = load ? load().then((m) => m.PARTS) : Promise.reject(new Error(`no trace parts for ${pipelineId}`));
    loaded.set(pipelineId, parts);
  }
  return parts;
}

/** The pipeline ids that have a parts module (a unit test checks they are exactly the manifest's). */
export const PARTS_IDS: readonly string[] = [...LOADERS.keys()];

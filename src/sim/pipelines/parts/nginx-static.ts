import type { TraceParts } from '../trace-parts.ts';
import { NGINX_STATIC } from '../manifest/nginx-static.ts';
import { NGINX } from '../../servers/nginx/nginx-profile.ts';
import { runStatic } from '../run-static.ts';

/** What tracing nginx-static needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: NGINX_STATIC,
  server: NGINX,
  runner: { run: runStatic, via: 'static' },
  staticRunner: { run: runStatic, via: 'static' },
};

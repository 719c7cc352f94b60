import type { TraceParts } from '../trace-parts.ts';
import { NGINX_GUNICORN } from '../manifest/nginx-gunicorn.ts';
import { NGINX } from '../../servers/nginx/nginx-profile.ts';
import { runHttpProxy } from '../run-http-proxy.ts';
import { runStatic } from '../run-static.ts';

/** What tracing nginx-gunicorn needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: NGINX_GUNICORN,
  server: NGINX,
  runner: { run: runHttpProxy, via: 'http' },
  staticRunner: { run: runStatic, via: 'static' },
};

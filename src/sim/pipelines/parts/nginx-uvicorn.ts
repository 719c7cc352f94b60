import type { TraceParts } from '../trace-parts.ts';
import { NGINX_UVICORN } from '../manifest/nginx-uvicorn.ts';
import { NGINX } from '../../servers/nginx/nginx-profile.ts';
import { runProxyAsgi } from '../run-proxy-asgi.ts';
import { runStatic } from '../run-static.ts';

/** What tracing nginx-uvicorn needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: NGINX_UVICORN,
  server: NGINX,
  runner: { run: runProxyAsgi, via: 'http' },
  staticRunner: { run: runStatic, via: 'static' },
};

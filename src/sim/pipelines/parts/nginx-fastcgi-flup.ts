import type { TraceParts } from '../trace-parts.ts';
import { NGINX_FASTCGI_FLUP } from '../manifest/nginx-fastcgi-flup.ts';
import { NGINX } from '../../servers/nginx/nginx-profile.ts';
import { runFastcgi } from '../run-fastcgi.ts';
import { runStatic } from '../run-static.ts';

/** What tracing nginx-fastcgi-flup needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: NGINX_FASTCGI_FLUP,
  server: NGINX,
  runner: { run: runFastcgi, via: 'fastcgi' },
  staticRunner: { run: runStatic, via: 'static' },
};

import type { TraceParts } from '../trace-parts.ts';
import { NGINX_FASTCGI_PHP } from '../manifest/nginx-fastcgi-php.ts';
import { NGINX } from '../../servers/nginx/nginx-profile.ts';
import { runFastcgi } from '../run-fastcgi.ts';
import { runStatic } from '../run-static.ts';

/** What tracing nginx-fastcgi-php needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: NGINX_FASTCGI_PHP,
  server: NGINX,
  runner: { run: runFastcgi, via: 'fastcgi' },
  staticRunner: { run: runStatic, via: 'static' },
};

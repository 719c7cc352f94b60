import type { TraceParts } from '../trace-parts.ts';
import { NGINX_UWSGI } from '../manifest/nginx-uwsgi.ts';
import { NGINX } from '../../servers/nginx/nginx-profile.ts';
import { runUwsgi } from '../run-uwsgi.ts';
import { runStatic } from '../run-static.ts';

/** What tracing nginx-uwsgi needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: NGINX_UWSGI,
  server: NGINX,
  runner: { run: runUwsgi, via: 'uwsgi' },
  staticRunner: { run: runStatic, via: 'static' },
};

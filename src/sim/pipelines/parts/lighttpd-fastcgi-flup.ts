import type { TraceParts } from '../trace-parts.ts';
import { LIGHTTPD_FASTCGI_FLUP } from '../manifest/lighttpd-fastcgi-flup.ts';
import { LIGHTTPD } from '../../servers/lighttpd/lighttpd-profile.ts';
import { runFastcgi } from '../run-fastcgi.ts';
import { runStatic } from '../run-static.ts';

/** What tracing lighttpd-fastcgi-flup needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: LIGHTTPD_FASTCGI_FLUP,
  server: LIGHTTPD,
  runner: { run: runFastcgi, via: 'fastcgi' },
  staticRunner: { run: runStatic, via: 'static' },
};

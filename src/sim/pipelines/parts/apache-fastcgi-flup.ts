import type { TraceParts } from '../trace-parts.ts';
import { APACHE_FASTCGI_FLUP } from '../manifest/apache-fastcgi-flup.ts';
import { APACHE } from '../../servers/apache/apache-profile.ts';
import { runFastcgi } from '../run-fastcgi.ts';
import { runStatic } from '../run-static.ts';

/** What tracing apache-fastcgi-flup needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: APACHE_FASTCGI_FLUP,
  server: APACHE,
  runner: { run: runFastcgi, via: 'fastcgi' },
  staticRunner: { run: runStatic, via: 'static' },
};

import type { TraceParts } from '../trace-parts.ts';
import { APACHE_MODWSGI_EMBEDDED } from '../manifest/apache-modwsgi-embedded.ts';
import { APACHE } from '../../servers/apache/apache-profile.ts';
import { runModuleWsgi } from '../run-module-wsgi.ts';
import { runStatic } from '../run-static.ts';

/** What tracing apache-modwsgi-embedded needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: APACHE_MODWSGI_EMBEDDED,
  server: APACHE,
  runner: { run: runModuleWsgi, via: 'module' },
  staticRunner: { run: runStatic, via: 'static' },
};

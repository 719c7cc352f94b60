import type { TraceParts } from '../trace-parts.ts';
import { APACHE_STATIC } from '../manifest/apache-static.ts';
import { APACHE } from '../../servers/apache/apache-profile.ts';
import { runStatic } from '../run-static.ts';

/** What tracing apache-static needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: APACHE_STATIC,
  server: APACHE,
  runner: { run: runStatic, via: 'static' },
  staticRunner: { run: runStatic, via: 'static' },
};

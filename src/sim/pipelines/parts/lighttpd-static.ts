import type { TraceParts } from '../trace-parts.ts';
import { LIGHTTPD_STATIC } from '../manifest/lighttpd-static.ts';
import { LIGHTTPD } from '../../servers/lighttpd/lighttpd-profile.ts';
import { runStatic } from '../run-static.ts';

/** What tracing lighttpd-static needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: LIGHTTPD_STATIC,
  server: LIGHTTPD,
  runner: { run: runStatic, via: 'static' },
  staticRunner: { run: runStatic, via: 'static' },
};

import type { TraceParts } from '../trace-parts.ts';
import { WERKZEUG as PIPELINE } from '../manifest/werkzeug.ts';
import { WERKZEUG } from '../../servers/python/werkzeug-server.ts';
import { runWsgiServer } from '../run-wsgi-server.ts';
import { runStatic } from '../run-static.ts';

/** What tracing werkzeug needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: PIPELINE,
  server: WERKZEUG,
  runner: { run: runWsgiServer, via: 'wsgi' },
  staticRunner: { run: runStatic, via: 'static' },
};

import type { TraceParts } from '../trace-parts.ts';
import { CHERRYPY } from '../manifest/cherrypy.ts';
import { CHEROOT } from '../../servers/python/cheroot-server.ts';
import { runWsgiServer } from '../run-wsgi-server.ts';
import { runStatic } from '../run-static.ts';

/** What tracing cherrypy needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: CHERRYPY,
  server: CHEROOT,
  runner: { run: runWsgiServer, via: 'wsgi' },
  staticRunner: { run: runStatic, via: 'static' },
};

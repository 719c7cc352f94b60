import type { TraceParts } from '../trace-parts.ts';
import { WSGIREF as PIPELINE } from '../manifest/wsgiref.ts';
import { WSGIREF } from '../../servers/python/wsgiref-server.ts';
import { runWsgiServer } from '../run-wsgi-server.ts';
import { runStatic } from '../run-static.ts';

/** What tracing wsgiref needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: PIPELINE,
  server: WSGIREF,
  runner: { run: runWsgiServer, via: 'wsgi' },
  staticRunner: { run: runStatic, via: 'static' },
};

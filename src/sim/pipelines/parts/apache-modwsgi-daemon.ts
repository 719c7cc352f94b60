import type { TraceParts } from '../trace-parts.ts';
import { APACHE_MODWSGI_DAEMON } from '../manifest/apache-modwsgi-daemon.ts';
import { APACHE } from '../../servers/apache/apache-profile.ts';
import { runModuleWsgi } from '../run-module-wsgi.ts';
import { runStatic } from '../run-static.ts';

/** What tracing apache-modwsgi-daemon needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: APACHE_MODWSGI_DAEMON,
  server: APACHE,
  runner: { run: runModuleWsgi, via: 'module' },
  staticRunner: { run: runStatic, via: 'static' },
};

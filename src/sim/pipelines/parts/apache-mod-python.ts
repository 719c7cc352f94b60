import type { TraceParts } from '../trace-parts.ts';
import { APACHE_MOD_PYTHON } from '../manifest/apache-mod-python.ts';
import { APACHE } from '../../servers/apache/apache-profile.ts';
import { runModuleWsgi } from '../run-module-wsgi.ts';
import { runStatic } from '../run-static.ts';

/** What tracing apache-mod-python needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: APACHE_MOD_PYTHON,
  server: APACHE,
  runner: { run: runModuleWsgi, via: 'module' },
  staticRunner: { run: runStatic, via: 'static' },
};

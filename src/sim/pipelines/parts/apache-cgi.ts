import type { TraceParts } from '../trace-parts.ts';
import { APACHE_CGI } from '../manifest/apache-cgi.ts';
import { APACHE } from '../../servers/apache/apache-profile.ts';
import { runCgi } from '../run-cgi.ts';
import { runStatic } from '../run-static.ts';

/** What tracing apache-cgi needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: APACHE_CGI,
  server: APACHE,
  runner: { run: runCgi, via: 'cgi' },
  staticRunner: { run: runStatic, via: 'static' },
};

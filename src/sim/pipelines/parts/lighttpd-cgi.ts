import type { TraceParts } from '../trace-parts.ts';
import { LIGHTTPD_CGI } from '../manifest/lighttpd-cgi.ts';
import { LIGHTTPD } from '../../servers/lighttpd/lighttpd-profile.ts';
import { runCgi } from '../run-cgi.ts';
import { runStatic } from '../run-static.ts';

/** What tracing lighttpd-cgi needs (the player loads it on demand; `partsOf` builds the same from the full registry). */
export const PARTS: TraceParts = {
  pipeline: LIGHTTPD_CGI,
  server: LIGHTTPD,
  runner: { run: runCgi, via: 'cgi' },
  staticRunner: { run: runStatic, via: 'static' },
};

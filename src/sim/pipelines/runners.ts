/**
 * How each kind of pipeline runs once the request is routed to its application, and how the request leaves the
 * server: the full registry. The player's per-pipeline parts (parts/<id>.ts) name their own runner, so a page's
 * chunks carry only its pipelines' runners (a unit test checks they agree with this table).
 */
import type { Forwarding } from '../servers/profile.ts';
import type { PipelineKind } from './pipeline-types.ts';
import type { RunContext, RunOutcome } from './run-context.ts';
import { runStatic } from './run-static.ts';
import { runCgi } from './run-cgi.ts';
import { runFastcgi } from './run-fastcgi.ts';
import { runUwsgi } from './run-uwsgi.ts';
import { runModuleWsgi } from './run-module-wsgi.ts';
import { runWsgiServer } from './run-wsgi-server.ts';
import { runHttpProxy } from './run-http-proxy.ts';
import { runProxyAsgi } from './run-proxy-asgi.ts';

/** A pipeline runner and the way its request leaves the front server (for 100 Continue). */
export interface Runner {
  run: (run: RunContext) => RunOutcome;
  via: Forwarding;
}

/** Every kind's runner. */
export const RUNNERS: Readonly<Record<PipelineKind, Runner>> = {
  static: { run: runStatic, via: 'static' },
  cgi: { run: runCgi, via: 'cgi' },
  'fastcgi-wsgi': { run: runFastcgi, via: 'fastcgi' },
  'fastcgi-php': { run: runFastcgi, via: 'fastcgi' },
  'uwsgi-wsgi': { run: runUwsgi, via: 'uwsgi' },
  'module-wsgi': { run: runModuleWsgi, via: 'module' },
  'wsgi-server': { run: runWsgiServer, via: 'wsgi' },
  'http-proxy': { run: runHttpProxy, via: 'http' },
  'proxy-asgi': { run: runProxyAsgi, via: 'http' },
};

import { createPlainWsgiApp } from './plain-wsgi-app.ts';
import { createMiddlewareStackApp } from './middleware-stack-app.ts';
import { createWebpyApp } from './webpy-app.ts';
import { createDjangoApp } from './django-app.ts';
import { createFlaskApp } from './flask-app.ts';
import { createDumpApp } from './dump-app.ts';

/** The WSGI applications a pipeline can end in, by id. */
export const WSGI_APPS = {
  plain: createPlainWsgiApp,
  middleware: createMiddlewareStackApp,
  webpy: createWebpyApp,
  django: createDjangoApp,
  flask: createFlaskApp,
  /** The environ-dumping app the conformance tests run against the real servers. */
  dump: createDumpApp,
} as const;

/** A WSGI application id. */
export type WsgiAppId = keyof typeof WSGI_APPS;

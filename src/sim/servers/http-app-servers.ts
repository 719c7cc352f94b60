import type { HttpAppServer } from './http-app-server.ts';
import { GUNICORN } from './gunicorn/gunicorn-server.ts';

/** The HTTP application servers behind a proxy, by their node id in pipelines. */
export const HTTP_APP_SERVERS: Readonly<Record<string, HttpAppServer>> = {
  gunicorn: GUNICORN,
};

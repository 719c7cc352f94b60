import type { WebServerProfile } from './profile.ts';
import { APACHE } from './apache/apache-profile.ts';
import { NGINX } from './nginx/nginx-profile.ts';
import { LIGHTTPD } from './lighttpd/lighttpd-profile.ts';
import { WSGIREF } from './python/wsgiref-server.ts';
import { WERKZEUG } from './python/werkzeug-server.ts';
import { CHEROOT } from './python/cheroot-server.ts';

/** The HTTP-facing server profiles by id. */
export const SERVER_PROFILES: Readonly<Record<string, WebServerProfile>> = {
  apache2: APACHE,
  nginx: NGINX,
  lighttpd: LIGHTTPD,
  wsgiref: WSGIREF,
  werkzeug: WERKZEUG,
  cheroot: CHEROOT,
};

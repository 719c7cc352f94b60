/**
 * What the conformance suite installs and starts for each pipeline: the test-only part of each manifest entry, kept
 * in the entry's file beside it. The site and the player never import this file, so their chunks carry none of it.
 */
import type { ConformanceSpec } from '../pipeline-types.ts';
import { ownEntry } from '../../own-entry.ts';
import { APACHE_STATIC, APACHE_STATIC_CONFORMANCE } from './apache-static.ts';
import { LIGHTTPD_STATIC, LIGHTTPD_STATIC_CONFORMANCE } from './lighttpd-static.ts';
import { NGINX_STATIC, NGINX_STATIC_CONFORMANCE } from './nginx-static.ts';
import { APACHE_CGI, APACHE_CGI_CONFORMANCE } from './apache-cgi.ts';
import { LIGHTTPD_CGI, LIGHTTPD_CGI_CONFORMANCE } from './lighttpd-cgi.ts';
import { APACHE_FASTCGI_FLUP, APACHE_FASTCGI_FLUP_CONFORMANCE } from './apache-fastcgi-flup.ts';
import { LIGHTTPD_FASTCGI_FLUP, LIGHTTPD_FASTCGI_FLUP_CONFORMANCE } from './lighttpd-fastcgi-flup.ts';
import { NGINX_FASTCGI_FLUP, NGINX_FASTCGI_FLUP_CONFORMANCE } from './nginx-fastcgi-flup.ts';
import { NGINX_FASTCGI_PHP, NGINX_FASTCGI_PHP_CONFORMANCE } from './nginx-fastcgi-php.ts';
import { NGINX_UWSGI, NGINX_UWSGI_CONFORMANCE } from './nginx-uwsgi.ts';
import { NGINX_GUNICORN, NGINX_GUNICORN_CONFORMANCE } from './nginx-gunicorn.ts';
import { APACHE_MODWSGI_EMBEDDED, APACHE_MODWSGI_EMBEDDED_CONFORMANCE } from './apache-modwsgi-embedded.ts';
import { APACHE_MODWSGI_DAEMON, APACHE_MODWSGI_DAEMON_CONFORMANCE } from './apache-modwsgi-daemon.ts';
import { APACHE_MOD_PYTHON, APACHE_MOD_PYTHON_CONFORMANCE } from './apache-mod-python.ts';
import { NGINX_UVICORN, NGINX_UVICORN_CONFORMANCE } from './nginx-uvicorn.ts';
import { WSGIREF, WSGIREF_CONFORMANCE } from './wsgiref.ts';
import { WERKZEUG, WERKZEUG_CONFORMANCE } from './werkzeug.ts';
import { CHERRYPY, CHERRYPY_CONFORMANCE } from './cherrypy.ts';

const CONFORMANCE: Readonly<Record<string, ConformanceSpec>> = {
  [APACHE_STATIC.id]: APACHE_STATIC_CONFORMANCE,
  [LIGHTTPD_STATIC.id]: LIGHTTPD_STATIC_CONFORMANCE,
  [NGINX_STATIC.id]: NGINX_STATIC_CONFORMANCE,
  [APACHE_CGI.id]: APACHE_CGI_CONFORMANCE,
  [LIGHTTPD_CGI.id]: LIGHTTPD_CGI_CONFORMANCE,
  [APACHE_FASTCGI_FLUP.id]: APACHE_FASTCGI_FLUP_CONFORMANCE,
  [LIGHTTPD_FASTCGI_FLUP.id]: LIGHTTPD_FASTCGI_FLUP_CONFORMANCE,
  [NGINX_FASTCGI_FLUP.id]: NGINX_FASTCGI_FLUP_CONFORMANCE,
  [NGINX_FASTCGI_PHP.id]: NGINX_FASTCGI_PHP_CONFORMANCE,
  [NGINX_UWSGI.id]: NGINX_UWSGI_CONFORMANCE,
  [NGINX_GUNICORN.id]: NGINX_GUNICORN_CONFORMANCE,
  [APACHE_MODWSGI_EMBEDDED.id]: APACHE_MODWSGI_EMBEDDED_CONFORMANCE,
  [APACHE_MODWSGI_DAEMON.id]: APACHE_MODWSGI_DAEMON_CONFORMANCE,
  [APACHE_MOD_PYTHON.id]: APACHE_MOD_PYTHON_CONFORMANCE,
  [NGINX_UVICORN.id]: NGINX_UVICORN_CONFORMANCE,
  [WSGIREF.id]: WSGIREF_CONFORMANCE,
  [WERKZEUG.id]: WERKZEUG_CONFORMANCE,
  [CHERRYPY.id]: CHERRYPY_CONFORMANCE,
};

/** A pipeline's conformance runs and fault runs. Throws `UnknownNameError` for an unknown pipeline id. */
export function conformanceOf(pipelineId: string): ConformanceSpec {
  return ownEntry('pipeline', CONFORMANCE, pipelineId);
}

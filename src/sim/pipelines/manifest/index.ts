/**
 * The pipeline manifest: every pipeline the site shows and the simulator runs, one file each, in the order the site
 * lists them. Everything else (term schema, pages, config panel, process model, conformance suite) reads this.
 */
import type { PipelineDefinition } from '../pipeline-types.ts';
import { APACHE_STATIC } from './apache-static.ts';
import { LIGHTTPD_STATIC } from './lighttpd-static.ts';
import { NGINX_STATIC } from './nginx-static.ts';
import { APACHE_CGI } from './apache-cgi.ts';
import { LIGHTTPD_CGI } from './lighttpd-cgi.ts';
import { APACHE_FASTCGI_FLUP } from './apache-fastcgi-flup.ts';
import { LIGHTTPD_FASTCGI_FLUP } from './lighttpd-fastcgi-flup.ts';
import { NGINX_FASTCGI_FLUP } from './nginx-fastcgi-flup.ts';
import { NGINX_FASTCGI_PHP } from './nginx-fastcgi-php.ts';
import { NGINX_UWSGI } from './nginx-uwsgi.ts';
import { NGINX_GUNICORN } from './nginx-gunicorn.ts';
import { APACHE_MODWSGI_EMBEDDED } from './apache-modwsgi-embedded.ts';
import { APACHE_MODWSGI_DAEMON } from './apache-modwsgi-daemon.ts';
import { APACHE_MOD_PYTHON } from './apache-mod-python.ts';
import { NGINX_UVICORN } from './nginx-uvicorn.ts';
import { WSGIREF } from './wsgiref.ts';
import { WERKZEUG } from './werkzeug.ts';
import { CHERRYPY } from './cherrypy.ts';

/** Every pipeline, in the order the site lists them. */
export const PIPELINE_LIST: readonly PipelineDefinition[] = [
  APACHE_STATIC,
  LIGHTTPD_STATIC,
  NGINX_STATIC,
  APACHE_CGI,
  LIGHTTPD_CGI,
  APACHE_FASTCGI_FLUP,
  LIGHTTPD_FASTCGI_FLUP,
  NGINX_FASTCGI_FLUP,
  NGINX_FASTCGI_PHP,
  NGINX_UWSGI,
  NGINX_GUNICORN,
  APACHE_MODWSGI_EMBEDDED,
  APACHE_MODWSGI_DAEMON,
  APACHE_MOD_PYTHON,
  NGINX_UVICORN,
  WSGIREF,
  WERKZEUG,
  CHERRYPY,
];

/** Every pipeline by id (look names up with `ownEntry`/`hasOwnName`, never `in`). */
export const PIPELINES: Readonly<Record<string, PipelineDefinition>> = Object.fromEntries(
  PIPELINE_LIST.map((pipeline) => [pipeline.id, pipeline]),
);

/** The pipeline ids, in the order the site lists them. */
export const PIPELINE_IDS: readonly string[] = PIPELINE_LIST.map((pipeline) => pipeline.id);

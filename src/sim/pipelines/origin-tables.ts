/**
 * The pieces pipelines' origin tables are made of: which line of a reference configuration (`configs/<pipeline>/`,
 * as the conformance tests run it) produces a CGI variable or FastCGI parameter. Each pipeline's manifest entry
 * assembles its own table. Variables a server derives on its own (HTTP_* from headers,
 * REQUEST_METHOD in Apache, …) have no entry: no line of the configuration produced them.
 *
 * A directive names one line: the line's text with its whitespace collapsed, placeholders filled, either equal to
 * the directive or starting with it followed by a space. A unit test checks that every directive matches exactly
 * one line of its file.
 */
import type { OriginTable } from './pipeline-types.ts';

export const APACHE = 'apache2.conf';
export const NGINX = 'nginx.conf';
export const PARAMS = 'fastcgi_params';
export const LIGHTTPD = 'lighttpd.conf';
export const SERVE = 'serve.py';

/** What every Apache pipeline's configuration sets, whatever module runs /app. */
export const APACHE_COMMON: OriginTable = {
  DOCUMENT_ROOT: [[APACHE, 'DocumentRoot']],
  SERVER_ADMIN: [[APACHE, 'ServerAdmin']],
  SERVER_ADDR: [[APACHE, 'Listen']],
  // Debian's conf-available/security.conf: "ServerTokens OS" and "ServerSignature On".
  SERVER_SOFTWARE: [[APACHE, 'Include conf-available/security.conf']],
  SERVER_SIGNATURE: [[APACHE, 'Include conf-available/security.conf']],
};

/** Apache with /app mapped to a file (ScriptAlias or WSGIScriptAlias): the alias splits the path. */
export function apacheAlias(directive: string): OriginTable {
  return {
    ...APACHE_COMMON,
    SCRIPT_NAME: [[APACHE, directive]],
    SCRIPT_FILENAME: [[APACHE, directive]],
    PATH_INFO: [[APACHE, directive]],
    PATH_TRANSLATED: [
      [APACHE, directive],
      [APACHE, 'DocumentRoot'],
    ],
    CONTEXT_PREFIX: [[APACHE, directive]],
    CONTEXT_DOCUMENT_ROOT: [[APACHE, directive]],
  };
}

/** The lines of Debian's fastcgi_params, each of which sets one parameter. */
const FASTCGI_PARAMS_FILE = [
  'QUERY_STRING',
  'REQUEST_METHOD',
  'CONTENT_TYPE',
  'CONTENT_LENGTH',
  'SCRIPT_NAME',
  'REQUEST_URI',
  'DOCUMENT_URI',
  'DOCUMENT_ROOT',
  'SERVER_PROTOCOL',
  'REQUEST_SCHEME',
  'GATEWAY_INTERFACE',
  'SERVER_SOFTWARE',
  'REMOTE_ADDR',
  'REMOTE_PORT',
  'REMOTE_USER',
  'SERVER_ADDR',
  'SERVER_PORT',
  'SERVER_NAME',
  'REDIRECT_STATUS',
  'HTTP_HOST',
] as const;

/** Where a fastcgi_params parameter takes its value from, when another line of nginx.conf decides it. */
const NGINX_VALUE_FROM: OriginTable = {
  SCRIPT_NAME: [[NGINX, 'fastcgi_split_path_info']],
  DOCUMENT_ROOT: [[NGINX, 'root']],
  SERVER_NAME: [[NGINX, 'server_name']],
  SERVER_ADDR: [[NGINX, 'listen']],
  SERVER_PORT: [[NGINX, 'listen']],
};

/** nginx's `location /app/`: Debian's fastcgi_params (included), then the location's own lines. */
export function nginxLocation(extra: OriginTable): OriginTable {
  const table: Record<string, (readonly [string, string])[]> = {};
  for (const name of FASTCGI_PARAMS_FILE) {
    table[name] = [
      [PARAMS, `fastcgi_param ${name}`],
      [NGINX, 'include /etc/nginx/fastcgi_params;'],
      ...(NGINX_VALUE_FROM[name] ?? []),
    ];
  }
  table.PATH_INFO = [
    [NGINX, 'fastcgi_param PATH_INFO'],
    [NGINX, 'fastcgi_split_path_info'],
  ];
  return { ...table, ...extra };
}

/** lighttpd: what the server section sets for every backend. */
export const LIGHTTPD_COMMON: OriginTable = {
  SERVER_ADDR: [[LIGHTTPD, 'server.bind']],
  SERVER_PORT: [[LIGHTTPD, 'server.port']],
};

export const LIGHTTPD_FASTCGI_MOUNT = '"/app" => ((';
export const LIGHTTPD_CGI_ALIAS = 'alias.url += ( "/app"';

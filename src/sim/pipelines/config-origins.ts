/**
 * Which line of each pipeline's reference configuration (`configs/<pipeline>/`, as the conformance tests run it)
 * produces a CGI variable or FastCGI parameter. Variables a server derives on its own (HTTP_* from headers,
 * REQUEST_METHOD in Apache, …) have no entry: no line of the configuration produced them.
 *
 * A directive names one line: the line's text with its whitespace collapsed, placeholders filled, either equal to
 * the directive or starting with it followed by a space. A unit test checks that every directive matches exactly
 * one line of its file.
 */
import type { ConfigOrigin } from '../trace.ts';
import { hasOwnName } from '../own-entry.ts';

/** The origins of one pipeline: variable name → the lines behind it, the line that sets it first. */
type OriginTable = Readonly<Record<string, readonly (readonly [file: string, directive: string])[]>>;

const APACHE = 'apache2.conf';
const NGINX = 'nginx.conf';
const PARAMS = 'fastcgi_params';
const LIGHTTPD = 'lighttpd.conf';
const SERVE = 'serve.py';

/** What every Apache pipeline's configuration sets, whatever module runs /app. */
const APACHE_COMMON: OriginTable = {
  DOCUMENT_ROOT: [[APACHE, 'DocumentRoot']],
  SERVER_ADMIN: [[APACHE, 'ServerAdmin']],
  SERVER_ADDR: [[APACHE, 'Listen']],
  // Debian's conf-available/security.conf: "ServerTokens OS" and "ServerSignature On".
  SERVER_SOFTWARE: [[APACHE, 'Include conf-available/security.conf']],
  SERVER_SIGNATURE: [[APACHE, 'Include conf-available/security.conf']],
};

/** Apache with /app mapped to a file (ScriptAlias or WSGIScriptAlias): the alias splits the path. */
function apacheAlias(directive: string): OriginTable {
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
function nginxLocation(extra: OriginTable): OriginTable {
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
const LIGHTTPD_COMMON: OriginTable = {
  SERVER_ADDR: [[LIGHTTPD, 'server.bind']],
  SERVER_PORT: [[LIGHTTPD, 'server.port']],
};

const UVICORN_RUN = 'uvicorn.run("dump_asgi:application",';
const LIGHTTPD_FASTCGI_MOUNT = '"/app" => ((';
const LIGHTTPD_CGI_ALIAS = 'alias.url += ( "/app"';

/** The origins of every pipeline's variables, by pipeline id. Static pipelines pass no variables. */
const ORIGINS: Readonly<Record<string, OriginTable>> = {
  'apache-cgi': apacheAlias('ScriptAlias /app'),
  'apache-modwsgi-embedded': {
    ...apacheAlias('WSGIScriptAlias /app'),
    'mod_wsgi.script_name': [[APACHE, 'WSGIScriptAlias /app']],
    'mod_wsgi.path_info': [[APACHE, 'WSGIScriptAlias /app']],
  },
  'apache-modwsgi-daemon': {
    ...apacheAlias('WSGIScriptAlias /app'),
    'mod_wsgi.script_name': [[APACHE, 'WSGIScriptAlias /app']],
    'mod_wsgi.path_info': [[APACHE, 'WSGIScriptAlias /app']],
    'mod_wsgi.process_group': [
      [APACHE, 'WSGIProcessGroup hop'],
      [APACHE, 'WSGIDaemonProcess hop'],
    ],
  },
  'apache-fastcgi-flup': {
    ...APACHE_COMMON,
    // mod_proxy_fcgi without proxy-fcgi-pathinfo: the whole path is SCRIPT_NAME, the backend URL SCRIPT_FILENAME.
    SCRIPT_NAME: [[APACHE, 'ProxyPass /app/']],
    SCRIPT_FILENAME: [[APACHE, 'ProxyPass /app/']],
  },
  'apache-mod-python': {
    ...APACHE_COMMON,
    SCRIPT_NAME: [[APACHE, '<Location /app>']],
    PATH_INFO: [[APACHE, '<Location /app>']],
  },
  'nginx-fastcgi-flup': nginxLocation({}),
  'nginx-fastcgi-php': nginxLocation({ SCRIPT_FILENAME: [[NGINX, 'fastcgi_param SCRIPT_FILENAME']] }),
  'lighttpd-fastcgi-flup': {
    ...LIGHTTPD_COMMON,
    SCRIPT_NAME: [[LIGHTTPD, LIGHTTPD_FASTCGI_MOUNT]],
    PATH_INFO: [[LIGHTTPD, LIGHTTPD_FASTCGI_MOUNT]],
    DOCUMENT_ROOT: [[LIGHTTPD, 'server.document-root']],
    SCRIPT_FILENAME: [
      [LIGHTTPD, 'server.document-root'],
      [LIGHTTPD, LIGHTTPD_FASTCGI_MOUNT],
    ],
    PATH_TRANSLATED: [
      [LIGHTTPD, 'server.document-root'],
      [LIGHTTPD, LIGHTTPD_FASTCGI_MOUNT],
    ],
  },
  'lighttpd-cgi': {
    ...LIGHTTPD_COMMON,
    // The alias maps /app to the script file; the rest of the path becomes PATH_INFO and the alias target the root.
    SCRIPT_NAME: [[LIGHTTPD, LIGHTTPD_CGI_ALIAS]],
    PATH_INFO: [[LIGHTTPD, LIGHTTPD_CGI_ALIAS]],
    SCRIPT_FILENAME: [[LIGHTTPD, LIGHTTPD_CGI_ALIAS]],
    DOCUMENT_ROOT: [[LIGHTTPD, LIGHTTPD_CGI_ALIAS]],
    PATH_TRANSLATED: [[LIGHTTPD, LIGHTTPD_CGI_ALIAS]],
  },
  wsgiref: {
    SERVER_NAME: [[SERVE, 'make_server("127.0.0.1",']],
    SERVER_PORT: [[SERVE, 'make_server("127.0.0.1",']],
  },
  werkzeug: {
    SERVER_NAME: [[SERVE, 'run_simple("127.0.0.1",']],
    SERVER_PORT: [[SERVE, 'run_simple("127.0.0.1",']],
  },
  cherrypy: {
    SERVER_PORT: [[SERVE, 'Server(("127.0.0.1",']],
  },
  // The ASGI scope's server (host, port) is the socket uvicorn.run() listens on.
  'nginx-uvicorn': {
    server: [
      [SERVE, UVICORN_RUN],
      [SERVE, 'port = int(sys.argv[1])'],
    ],
  },
};

/**
 * The lines that send a request along a hop, by pipeline and the hop's destination node: mod_wsgi hands the request
 * to the daemon process group that WSGIProcessGroup names and WSGIDaemonProcess starts.
 */
const ROUTES: Readonly<
  Record<string, Readonly<Record<string, readonly (readonly [name: string, file: string, directive: string])[]>>>
> = {
  // proxy_pass sends /app/ to Uvicorn, which calls the application uvicorn.run() names.
  'nginx-uvicorn': {
    uvicorn: [['proxy_pass', NGINX, 'proxy_pass']],
    'asgi-app': [['dump_asgi:application', SERVE, UVICORN_RUN]],
  },
  'apache-modwsgi-daemon': {
    'mod_wsgi-daemon': [
      ['mod_wsgi.process_group', APACHE, 'WSGIProcessGroup hop'],
      ['mod_wsgi.process_group', APACHE, 'WSGIDaemonProcess hop'],
    ],
  },
};

/** The lines that send the request to `node` (see `ROUTES`), marked as routes. */
export function routeOrigins(pipelineId: string, node: string): ConfigOrigin[] {
  const table = hasOwnName(ROUTES, pipelineId) ? ROUTES[pipelineId] : undefined;
  const lines = table && hasOwnName(table, node) ? (table[node] ?? []) : [];
  return lines.map(([name, file, directive]) => ({ name, file, directive, route: true }));
}

/** Every origin the simulator can report for a pipeline, for checking them against the configuration files. */
export function pipelineOrigins(pipelineId: string): ConfigOrigin[] {
  const table = (hasOwnName(ORIGINS, pipelineId) ? ORIGINS[pipelineId] : undefined) ?? {};
  const routes = (hasOwnName(ROUTES, pipelineId) ? ROUTES[pipelineId] : undefined) ?? {};
  return [
    ...Object.entries(table).flatMap(([name, lines]) => lines.map(([file, directive]) => ({ name, file, directive }))),
    ...Object.keys(routes).flatMap((node) => routeOrigins(pipelineId, node)),
  ];
}

/** The configuration lines behind the given variables, in the order the names come. */
export function originsOf(pipelineId: string, names: readonly string[]): ConfigOrigin[] {
  const table = hasOwnName(ORIGINS, pipelineId) ? ORIGINS[pipelineId] : undefined;
  if (!table) return [];
  const seen = new Set<string>();
  const origins: ConfigOrigin[] = [];
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    for (const [file, directive] of hasOwnName(table, name) ? (table[name] ?? []) : [])
      origins.push({ name, file, directive });
  }
  return origins;
}

/**
 * The glossary term behind each pipeline node, so a node in a drawn pipeline opens its page. Node ids are the
 * simulator's (`src/sim/pipelines/manifest/index.ts`); a unit test checks that every node has an entry here and that
 * every slug is a term page in both languages. The client and the PHP script have no term of their own.
 */
const NODE_TERMS = new Map<string, string | null>([
  ['client', null],
  ['apache2', 'apache-httpd'],
  ['nginx', 'nginx'],
  ['lighttpd', 'lighttpd'],
  ['mod_cgid', 'cgi'],
  ['mod_cgi', 'cgi'],
  ['cgi-script', 'cgi'],
  ['mod_proxy_fcgi', 'fastcgi'],
  ['mod_fastcgi', 'fastcgi'],
  ['ngx_http_fastcgi_module', 'fastcgi'],
  ['ngx_http_proxy_module', 'reverse-proxy'],
  ['gunicorn', 'gunicorn'],
  ['flup', 'flup'],
  ['ngx_http_uwsgi_module', 'uwsgi'],
  ['uwsgi', 'uwsgi'],
  ['php-fpm', 'php-fpm'],
  ['php-script', null],
  ['mod_wsgi', 'mod-wsgi'],
  ['mod_wsgi-daemon', 'mod-wsgi'],
  ['mod_python', 'mod-python'],
  ['wsgiref', 'wsgi-server'],
  ['werkzeug', 'werkzeug'],
  ['cheroot', 'cherrypy'],
  ['app', 'wsgi'],
  ['uvicorn', 'uvicorn'],
  ['asgi-app', 'asgi'],
]);

/** The term slug of a node, or undefined when it has none (or is unknown). */
export function nodeTerm(nodeId: string): string | undefined {
  return NODE_TERMS.get(nodeId) ?? undefined;
}

/** Whether the table speaks of this node at all (with a term or, explicitly, without one). */
export function hasNodeEntry(nodeId: string): boolean {
  return NODE_TERMS.has(nodeId);
}

import type { Hop, Pair } from './trace.ts';

/**
 * The name–value pairs a hop hands on: CGI meta-variables, FastCGI parameters, uwsgi vars, the WSGI environ, PHP's
 * $_SERVER.
 * None for HTTP bytes and for anything going back.
 */
export function hopVariables(hop: Hop): Pair[] {
  switch (hop.protocol) {
    case 'http':
      return [];
    case 'fastcgi':
      return hop.fastcgi.records.flatMap((record) => record.params ?? []);
    case 'uwsgi':
      return hop.direction === 'request' ? hop.uwsgi.vars : [];
    case 'wsgi':
      return hop.direction === 'request' ? hop.wsgi.environ : [];
    case 'cgi':
    case 'mod_wsgi':
      return hop.direction === 'request' ? hop.cgi.env : [];
    case 'php':
      return hop.direction === 'request' ? hop.data.pairs : [];
    case 'asgi':
      return hop.direction === 'request' ? hop.asgi.scope : [];
    case 'middleware':
      return hop.middleware.environ ?? [];
  }
}

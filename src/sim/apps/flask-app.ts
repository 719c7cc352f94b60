import type { WsgiApplication } from '../wsgi/application.ts';
import { decodePath, escapeHtml, textBody } from './respond-text.ts';
import { parseCookies } from './parse-cookies.ts';
import { APP_FIXED } from './fixed-values.ts';

/**
 * A Flask 2.2 app: `@app.route('/<name>')` and `@app.route('/app/<name>')`, matched by Werkzeug's router against
 * PATH_INFO, so it answers whether or not the server strips the /app mount into SCRIPT_NAME; a signed session cookie.
 */
export function createFlaskApp(): WsgiApplication {
  return {
    name: 'flaskr:app',
    call({ environ, log }, startResponse) {
      const path = decodePath(environ.str('PATH_INFO')) || '/';
      log.push(
        `Flask matches path ${JSON.stringify(path)} with SCRIPT_NAME ${JSON.stringify(environ.str('SCRIPT_NAME'))}`,
      );
      const match = /^(?:\/app)?\/([^/]+)$/.exec(path);
      if (!match) {
        const { body, length } = textBody(
          '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
        );
        startResponse('404 NOT FOUND', [
          ['Content-Type', 'text/html; charset=utf-8'],
          ['Content-Length', length],
        ]);
        return { items: [body], hasClose: true };
      }
      const hasSession = parseCookies(environ.str('HTTP_COOKIE')).has('session');
      const { body, length } = textBody(`<p>Hello, ${escapeHtml(match[1] ?? '')}!</p>`);
      const headers: [string, string][] = [
        ['Content-Type', 'text/html; charset=utf-8'],
        ['Content-Length', length],
        ['Vary', 'Cookie'],
      ];
      if (!hasSession) headers.push(['Set-Cookie', `session=${APP_FIXED.flaskSessionCookie}; HttpOnly; Path=/`]);
      startResponse('200 OK', headers);
      return { items: [body], hasClose: true };
    },
  };
}

import type { WsgiApplication } from '../wsgi/application.ts';
import { decodePath, escapeHtml, textBody } from './respond-text.ts';
import { parseCookies } from './parse-cookies.ts';
import { APP_FIXED } from './fixed-values.ts';

const SECURITY_HEADERS: [string, string][] = [
  ['X-Frame-Options', 'DENY'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/**
 * A Django 4 project: `path('<str:name>/', hello)` and `path('app/<str:name>/', hello)` under the URL resolver, which matches PATH_INFO;
 * CommonMiddleware's APPEND_SLASH redirects `/app/x` to `/app/x/`; the session middleware sets `sessionid`.
 */
export function createDjangoApp(): WsgiApplication {
  return {
    name: 'mysite.wsgi:application',
    call({ environ, log }, startResponse) {
      const scriptName = decodePath(environ.str('SCRIPT_NAME'));
      const path = decodePath(environ.str('PATH_INFO')) || '/';
      log.push(`Django resolves path_info=${JSON.stringify(path)} (script_name=${JSON.stringify(scriptName)})`);
      const match = /^(?:\/app)?\/([^/]+)\/$/.exec(path);
      if (!match) {
        if (/^(?:\/app)?\/[^/]+$/.test(path) && environ.str('REQUEST_METHOD') === 'GET') {
          const query = environ.str('QUERY_STRING');
          const location = `${scriptName}${path}/${query ? `?${query}` : ''}`;
          startResponse('301 Moved Permanently', [
            ['Content-Type', 'text/html; charset=utf-8'],
            ['Location', location],
            ['Content-Length', '0'],
            ...SECURITY_HEADERS,
          ]);
          return { items: [new Uint8Array(0)], hasClose: true };
        }
        const { body, length } = textBody(
          '<h1>Not Found</h1><p>The requested resource was not found on this server.</p>',
        );
        startResponse('404 Not Found', [
          ['Content-Type', 'text/html; charset=utf-8'],
          ['Content-Length', length],
          ...SECURITY_HEADERS,
        ]);
        return { items: [body], hasClose: true };
      }
      const cookies = parseCookies(environ.str('HTTP_COOKIE'));
      const returning = cookies.get('sessionid') === APP_FIXED.djangoSessionId;
      const { body, length } = textBody(
        `<!DOCTYPE html><title>Hello</title><p>Hello, ${escapeHtml(match[1] ?? '')}!</p><p>${returning ? 'Welcome back.' : 'First visit.'}</p>`,
      );
      const headers: [string, string][] = [
        ['Content-Type', 'text/html; charset=utf-8'],
        ['Content-Length', length],
        ['Vary', 'Cookie'],
        ...SECURITY_HEADERS,
      ];
      if (!returning) {
        headers.push([
          'Set-Cookie',
          `sessionid=${APP_FIXED.djangoSessionId}; expires=Mon, 15 Jan 2024 00:00:00 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax`,
        ]);
      }
      startResponse('200 OK', headers);
      return { items: [body], hasClose: true };
    },
  };
}

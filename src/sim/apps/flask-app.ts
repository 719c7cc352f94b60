import type { WsgiApplication, WsgiIterable } from '../wsgi/application.ts';
import type { Environ } from '../wsgi/environ.ts';
import { decodePath, textBody } from './respond-text.ts';
import { APP_FIXED } from './fixed-values.ts';
import { productVersion, verifiedAgainst } from '../upstream-versions.ts';

/**
 * The methods every route of the example app allows (GET adds HEAD, Flask adds OPTIONS). Werkzeug lists them from a
 * set, whose order changes with each process's string hash seed: written sorted, as `VOLATILE.listHeaders` fixes it.
 */
const ALLOW = 'GET, HEAD, OPTIONS';

/**
 * The rules of the example app in Werkzeug's Map: `/<name>` and `/app/<name>` (the view), and the static route Flask
 * adds for its default static folder (`/static/<path:filename>`), whose folder does not exist: every file is a 404.
 */
const RULES = [
  { pattern: /^\/([^/]+)$/, view: true },
  { pattern: /^\/app\/([^/]+)$/, view: true },
  { pattern: /^\/static\/([^/].*)$/, view: false },
] as const;

type StartResponse = Parameters<WsgiApplication['call']>[1];

/**
 * A Flask 2.2 app (tests/fixtures/apps/framework_flask.py): `@app.route('/<name>')` and `@app.route('/app/<name>')`
 * on one view, matched by Werkzeug 2.2's router against PATH_INFO (so it answers whether or not the server put the
 * /app mount in SCRIPT_NAME); the view keeps `visited` in Flask's signed session cookie. Werkzeug answers what the
 * view never sees: 404, 405 with `Allow`, OPTIONS, the 308 that merges repeated slashes, and no body for HEAD.
 * Checked against the real package behind wsgiref for the whole request corpus (tests/conformance/frameworks.test.ts).
 */
export function createFlaskApp(): WsgiApplication {
  return {
    name: 'flaskr:app',
    provenance: verifiedAgainst(productVersion('flask')),
    call({ environ, log }, startResponse) {
      // Werkzeug reads PATH_INFO's bytes as UTF-8 (errors replaced) and matches it with one leading slash.
      const path = `/${decodePath(environ.str('PATH_INFO')).replace(/^\/+/, '')}`;
      // Routing upper-cases the method; the Response drops the body only for REQUEST_METHOD exactly `HEAD`.
      const method = environ.str('REQUEST_METHOD').toUpperCase();
      const head = environ.str('REQUEST_METHOD') === 'HEAD';
      log.push(`Flask matches path ${JSON.stringify(path)} (${method})`);
      const merged = path.replace(/\/{2,}/g, '/');
      const rule = match(path) ?? match(merged);
      if (!rule) return werkzeugError(startResponse, '404 NOT FOUND', 'Not Found', NOT_FOUND, head);
      if (!['GET', 'HEAD', 'OPTIONS'].includes(method))
        return werkzeugError(startResponse, '405 METHOD NOT ALLOWED', 'Method Not Allowed', NOT_ALLOWED, head, [
          ['Allow', ALLOW],
        ]);
      // A rule that matched only once repeated slashes were merged: a redirect, after the method check.
      if (!match(path)) return redirect(environ, merged, head, startResponse);
      if (method === 'OPTIONS') {
        startResponse('200 OK', [
          ['Content-Type', 'text/html; charset=utf-8'],
          ['Allow', ALLOW],
          ['Content-Length', '0'],
        ]);
        return { items: [], hasClose: true, sized: false };
      }
      if (!rule.view) return werkzeugError(startResponse, '404 NOT FOUND', 'Not Found', NOT_FOUND, head);
      return hello(rule.name, head, startResponse);
    },
  };
}

function match(path: string): { name: string; view: boolean } | null {
  for (const { pattern, view } of RULES) {
    const found = pattern.exec(path);
    if (found) return { name: found[1] ?? '', view };
  }
  return null;
}

const NOT_FOUND =
  'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';
const NOT_ALLOWED = 'The method is not allowed for the requested URL.';

/**
 * The view: greets the name (markupsafe escapes it) and puts `visited` in the session, which Flask then signs into a
 * new cookie. A `session` cookie the request carries never verifies here (the simulator signs nothing; its own fixed
 * cookie is older than the session lifetime), so the session is always new, as the real app answers such a request.
 */
function hello(name: string, head: boolean, startResponse: StartResponse): WsgiIterable {
  const { body, length } = textBody(`<p>Hello, ${markupsafeEscape(name)}!</p>`);
  const headers: [string, string][] = [
    ['Content-Type', 'text/html; charset=utf-8'],
    ['Content-Length', length],
    ['Vary', 'Cookie'],
  ];
  headers.push(['Set-Cookie', `session=${APP_FIXED.flaskSessionCookie}; HttpOnly; Path=/`]);
  startResponse('200 OK', headers);
  return responseBody(body, head);
}

/** werkzeug.exceptions.HTTPException.get_body(): the HTML page of an error, with its Content-Length. */
function werkzeugError(
  startResponse: StartResponse,
  status: string,
  title: string,
  description: string,
  head: boolean,
  extra: [string, string][] = [],
): WsgiIterable {
  const code = status.slice(0, 3);
  const { body, length } = textBody(
    `<!doctype html>\n<html lang=en>\n<title>${code} ${title}</title>\n<h1>${title}</h1>\n<p>${description}</p>\n`,
  );
  startResponse(status, [['Content-Type', 'text/html; charset=utf-8'], ...extra, ['Content-Length', length]]);
  return responseBody(body, head);
}

/** Werkzeug's RequestRedirect (merge_slashes): 308 to the absolute URL of the path with single slashes. */
function redirect(environ: Environ, merged: string, head: boolean, startResponse: StartResponse): WsgiIterable {
  const port = environ.str('SERVER_PORT');
  const host = environ.has('HTTP_HOST')
    ? environ.str('HTTP_HOST')
    : `${environ.str('SERVER_NAME')}${port === '80' ? '' : `:${port}`}`;
  const query = environ.str('QUERY_STRING');
  const url = `http://${host}${merged}${query ? `?${query}` : ''}`;
  const { body, length } = textBody(
    `<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href="${markupsafeEscape(url)}">${markupsafeEscape(url)}</a>. If not, click the link.\n`,
  );
  startResponse('308 PERMANENT REDIRECT', [
    ['Content-Type', 'text/html; charset=utf-8'],
    ['Content-Length', length],
    ['Location', url],
  ]);
  return responseBody(body, head);
}

/** Werkzeug's Response drops the body of an answer to HEAD and keeps its Content-Length. */
function responseBody(body: Uint8Array, head: boolean): WsgiIterable {
  return { items: head ? [] : [body], hasClose: true, sized: false };
}

/** markupsafe.escape: `& < > ' "` as `&amp; &lt; &gt; &#39; &#34;`. */
function markupsafeEscape(text: string): string {
  return text.replace(/[&<>'"]/g, (char) => `&#${char.charCodeAt(0)};`).replace(/&#38;|&#60;|&#62;/g, named);
}

function named(entity: string): string {
  return entity === '&#38;' ? '&amp;' : entity === '&#60;' ? '&lt;' : '&gt;';
}

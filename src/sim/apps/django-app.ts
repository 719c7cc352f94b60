import type { WsgiApplication, WsgiIterable } from '../wsgi/application.ts';
import { textBody } from './respond-text.ts';
import { APP_FIXED } from './fixed-values.ts';
import { allowedHost, djangoCookies, djangoRequest, fullPathWithSlash } from './django-request.ts';
import type { Environ } from '../wsgi/environ.ts';
import { djangoCsrfFailurePage, djangoErrorPage } from './django-pages.ts';
import { pyHtmlEscape } from './python-text.ts';
import { productVersion, verifiedAgainst } from '../upstream-versions.ts';

/** The example project's settings that change what it answers (tests/fixtures/apps/framework_django.py). */
const SETTINGS = { allowedHosts: ['example.test'], sessionCookieAge: 1209600 } as const;

/** SecurityMiddleware.process_response (SECURE_CONTENT_TYPE_NOSNIFF, SECURE_REFERRER_POLICY defaults of 3.2). */
const SECURITY: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
];

/** XFrameOptionsMiddleware.process_response (X_FRAME_OPTIONS = 'DENY', the 3.x default). */
const FRAME: [string, string] = ['X-Frame-Options', 'DENY'];

/** The URL patterns `path('<str:name>/', hello)` and `path('app/<str:name>/', hello)`, matched after the root's `^/`. */
const URL_PATTERNS = [/^\/([^/]+)\/$/, /^\/app\/([^/]+)\/$/] as const;

/** The `name` the URL resolver passes to the view, or null when no pattern matches (Resolver404). */
function resolve(pathInfo: string): string | null {
  for (const pattern of URL_PATTERNS) {
    const match = pattern.exec(pathInfo);
    if (match) return match[1] ?? null;
  }
  return null;
}

/**
 * The example project of `django-admin startproject` (Django 3.2, DEBUG = False, ALLOWED_HOSTS = ['example.test'],
 * the default MIDDLEWARE list) with one view, `hello`, under `<str:name>/` and `app/<str:name>/`; the resolver matches
 * PATH_INFO, so it answers whether or not the server put /app in SCRIPT_NAME. In middleware order: CommonMiddleware
 * rejects a Host outside ALLOWED_HOSTS (400) and redirects to the path with a slash when only that resolves
 * (APPEND_SLASH, 301, any method); an unknown path is a 404; CsrfViewMiddleware refuses unsafe methods without a
 * matching CSRF cookie and token (403); the view reads and sets the session (cookie `sessionid`). Checked against the real package
 * behind wsgiref for the whole request corpus (tests/conformance/frameworks.test.ts).
 */
export function createDjangoApp(): WsgiApplication {
  return {
    name: 'mysite.wsgi:application',
    provenance: verifiedAgainst(productVersion('django')),
    call({ environ, log }, startResponse) {
      const request = djangoRequest(environ);
      log.push(`Django resolves path_info=${JSON.stringify(request.pathInfo)}`);
      if (allowedHost(environ, SETTINGS.allowedHosts) === null) {
        // DisallowedHost, raised in CommonMiddleware.process_request: the inner middleware never answer, so neither
        // X-Frame-Options nor Content-Length is set.
        startResponse('400 Bad Request', [['Content-Type', 'text/html'], ...SECURITY]);
        return unsized(djangoErrorPage('Bad Request (400)', ''));
      }
      const name = resolve(request.pathInfo);
      if (name === null && !request.pathInfo.endsWith('/') && resolve(`${request.pathInfo}/`) !== null) {
        startResponse('301 Moved Permanently', [
          ['Content-Type', 'text/html; charset=utf-8'],
          ['Location', fullPathWithSlash(request)],
          ['Content-Length', '0'],
          ...SECURITY,
        ]);
        return unsized('');
      }
      if (name === null)
        return page(startResponse, '404 Not Found', djangoErrorPage('Not Found', NOT_FOUND_DETAILS), 'text/html');
      const cookies = djangoCookies(environ.str('HTTP_COOKIE'));
      if (!SAFE_METHODS.has(request.method) && !csrfPasses(environ, cookies)) {
        const page403 = djangoCsrfFailurePage(!cookies.has('csrftoken'));
        return page(startResponse, '403 Forbidden', page403, 'text/html');
      }
      return hello(name, startResponse);
    },
  };
}

const NOT_FOUND_DETAILS = 'The requested resource was not found on this server.';

/** RFC 9110 §9.2.1 safe methods, which CsrfViewMiddleware lets through. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/**
 * CsrfViewMiddleware.process_view over plain HTTP: a `csrftoken` cookie of 32 or 64 letters and digits, and the same
 * value in an `X-CSRFToken` header. (Django also takes a differently masked form of the same secret, or the form
 * field `csrfmiddlewaretoken`; the model does not.) Without the cookie the 403 page says why cookies are needed.
 */
function csrfPasses(environ: Environ, cookies: ReadonlyMap<string, string>): boolean {
  const token = cookies.get('csrftoken') ?? '';
  return /^(?:[A-Za-z0-9]{32}|[A-Za-z0-9]{64})$/.test(token) && environ.str('HTTP_X_CSRFTOKEN') === token;
}

type StartResponse = Parameters<WsgiApplication['call']>[1];

/** A response of Django's own (404, 403) after every middleware: X-Frame-Options, Content-Length, security headers. */
function page(startResponse: StartResponse, status: string, text: string, contentType: string): WsgiIterable {
  const { body, length } = textBody(text);
  startResponse(status, [['Content-Type', contentType], FRAME, ['Content-Length', length], ...SECURITY]);
  return { items: [body], hasClose: true, sized: false };
}

/**
 * The view: greets `name` and remembers the visit in the session. The simulated server starts with no session
 * stored, like a freshly started one: whatever `sessionid` the request carries is unknown, so the session is new
 * ("First visit.") and saved under a new key.
 */
function hello(name: string, startResponse: StartResponse): WsgiIterable {
  const { body, length } = textBody(
    `<!DOCTYPE html><title>Hello</title><p>Hello, ${pyHtmlEscape(name)}!</p><p>First visit.</p>`,
  );
  // SessionMiddleware adds Vary: Cookie once the session was read; Django's WSGIHandler puts the cookies last,
  // each as `Set-Cookie` with the value SimpleCookie.output(header='') gives: it starts with a space.
  const headers: [string, string][] = [
    ['Content-Type', 'text/html; charset=utf-8'],
    FRAME,
    ['Content-Length', length],
    ['Vary', 'Cookie'],
    ...SECURITY,
  ];
  headers.push([
    'Set-Cookie',
    ` sessionid=${APP_FIXED.djangoSessionId}; expires=${APP_FIXED.sessionExpires}; HttpOnly; Max-Age=${SETTINGS.sessionCookieAge}; Path=/; SameSite=Lax`,
  ]);
  startResponse('200 OK', headers);
  return { items: [body], hasClose: true, sized: false };
}

/** A body in an iterable without len() (Django's HttpResponse), so wsgiref adds no Content-Length. */
function unsized(text: string): WsgiIterable {
  return { items: [textBody(text).body], hasClose: true, sized: false };
}

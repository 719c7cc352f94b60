import type { WsgiApplication, WsgiIterable } from '../wsgi/application.ts';
import type { Environ } from '../wsgi/environ.ts';
import { textBody } from './respond-text.ts';
import { latin1Bytes, pyUnquote } from './python-text.ts';
import { productVersion, verifiedAgainst } from '../upstream-versions.ts';

/** The methods web.py 0.62's nomethod() looks for on the class, in the order it lists them in `Allow`. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'] as const;

/** The methods the example's class defines. */
const DEFINED: ReadonlySet<string> = new Set(['GET']);

/**
 * A web.py 0.62 application (tests/fixtures/apps/framework_webpy.py): `urls = ('/(?:app/)?(.*)', 'hello')`, matched
 * (anchored) against web.ctx.path, PATH_INFO as text, so it answers whether or not the server put /app in
 * SCRIPT_NAME; class `hello` has only GET, which web.py also calls for HEAD. web.py sets no Content-Type on the
 * view's answer and hands the server a generator, so wsgiref adds no Content-Length either. Checked against the real
 * package behind wsgiref for the whole request corpus (tests/conformance/frameworks.test.ts).
 */
export function createWebpyApp(): WsgiApplication {
  return {
    name: 'code:app.wsgifunc()',
    provenance: verifiedAgainst(productVersion('webpy')),
    call({ environ, log }, startResponse) {
      const path = webpyPath(environ);
      log.push(`web.py routes ctx.path=${JSON.stringify(path)}`);
      const requested = environ.str('REQUEST_METHOD');
      // application.wsgi(): "allow uppercase methods only", before any routing; nomethod() without a class lists all.
      if (requested.toUpperCase() !== requested) return notAllowed(startResponse, METHODS);
      // application._match: re.compile(r'^%s\Z' % pat): `.` stops at a newline and nothing may follow (captured: 108).
      const match = /^\/(?:app\/)?(.*)$/.exec(path);
      if (!match) {
        // web.notfound(): 404 with a short text body.
        startResponse('404 Not Found', [['Content-Type', 'text/html; charset=utf-8']]);
        return generator('not found');
      }
      // _delegate(): HEAD falls back to GET when the class has none.
      const method = requested === 'HEAD' && !DEFINED.has('HEAD') ? 'GET' : requested;
      if (!DEFINED.has(method))
        return notAllowed(
          startResponse,
          METHODS.filter((name) => DEFINED.has(name)),
        );
      startResponse('200 OK', []);
      return generator(`<p>Hello, ${websafe(match[1] || 'world')}!</p>`);
    },
  };
}

type StartResponse = Parameters<WsgiApplication['call']>[1];

/** web.nomethod(cls): 405 with the methods the class has (all five without a class). */
function notAllowed(startResponse: StartResponse, allowed: readonly string[]): WsgiIterable {
  startResponse('405 Method Not Allowed', [
    ['Content-Type', 'text/html'],
    ['Allow', allowed.join(', ')],
  ]);
  return generator('method not allowed');
}

/**
 * web.ctx.path as application.load() sets it: PATH_INFO's bytes decoded as UTF-8 (kept as latin-1 text when they
 * are not UTF-8); behind lighttpd or nginx (by SERVER_SOFTWARE) REQUEST_URI's path instead, without SCRIPT_NAME in
 * front, percent-decoded.
 */
function webpyPath(environ: Environ): string {
  if (/^(lighttpd|nginx)\//.test(environ.str('SERVER_SOFTWARE'))) {
    const uri = environ.str('REQUEST_URI').split('?')[0] ?? '';
    const home = environ.str('SCRIPT_NAME');
    return pyUnquote(home && uri.startsWith(home) ? uri.slice(home.length) : uri);
  }
  const pathInfo = environ.str('PATH_INFO');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(latin1Bytes(pathInfo));
  } catch {
    return pathInfo;
  }
}

/** web.py's answer: a generator over the body's text, encoded as UTF-8. */
function generator(text: string): WsgiIterable {
  return { items: [textBody(text).body], hasClose: true, sized: false };
}

/** web.net.websafe (htmlquote): `& < > ' "` as `&amp; &lt; &gt; &#39; &quot;`. */
function websafe(text: string): string {
  return text.replace(/[&<>'"]/g, (char) => WEBSAFE.get(char) ?? char);
}

const WEBSAFE = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ["'", '&#39;'],
  ['"', '&quot;'],
]);

import { describe, expect, it } from 'vitest';
import { Environ } from '../../../../src/sim/wsgi/environ.ts';
import { pyStr } from '../../../../src/sim/wsgi/python-value.ts';
import { runApplication } from '../../../../src/sim/wsgi/run-application.ts';
import { WSGI_APPS } from '../../../../src/sim/apps/wsgi-apps.ts';
import { pyHtmlEscape, pyQuote, pyUnquote } from '../../../../src/sim/apps/python-text.ts';
import { allowedHost, djangoRequest, fullPathWithSlash } from '../../../../src/sim/apps/django-request.ts';
import { runPipeline } from '../../../../src/sim/index.ts';
import { latin1 } from '../../../../src/sim/bytes.ts';

/** An environ as wsgiref builds it for these tests: method, path (latin-1 text), query and the given extras. */
function environ(method: string, path: string, extra: Record<string, string> = {}): Environ {
  const built = new Environ()
    .set('REQUEST_METHOD', pyStr(method))
    .set('SCRIPT_NAME', pyStr(''))
    .set('PATH_INFO', pyStr(path))
    .set('QUERY_STRING', pyStr(''))
    .set('SERVER_NAME', pyStr('localhost'))
    .set('SERVER_PORT', pyStr('8080'));
  for (const [name, value] of Object.entries(extra)) built.set(name, pyStr(value));
  return built;
}

const call = (app: keyof typeof WSGI_APPS, env: Environ) => runApplication(WSGI_APPS[app](), env, new Uint8Array(0));
const request = (text: string) => new TextEncoder().encode(text);

describe("Python's text helpers", () => {
  it('quote and unquote as urllib.parse does', () => {
    expect(pyQuote('/app/café %zz#x', '/')).toBe('/app/caf%C3%A9%20%25zz%23x');
    expect(pyUnquote('/caf%C3%A9/%zz/%FF')).toBe('/café/%zz/\uFFFD');
  });
  it('escape as html.escape does', () => {
    expect(pyHtmlEscape(`a'b"<&>`)).toBe('a&#x27;b&quot;&lt;&amp;&gt;');
  });
});

describe('Django 3.2 request attributes', () => {
  it('percent-encodes the bytes of PATH_INFO that are not UTF-8, and re-quotes the path of the slash redirect', () => {
    const request = djangoRequest(environ('GET', '/app/\xff'));
    expect(request.pathInfo).toBe('/app/%FF');
    expect(fullPathWithSlash(request)).toBe('/app/%25FF/');
    expect(fullPathWithSlash(djangoRequest(environ('GET', '/app/page#s', { QUERY_STRING: 'q=%zz' })))).toBe(
      '/app/page%23s/?q=%zz',
    );
  });
  it('checks Host against ALLOWED_HOSTS, case and trailing dot aside, SERVER_NAME when there is no Host', () => {
    const allowed = ['example.test'];
    for (const host of ['example.test', 'EXAMPLE.TEST', 'example.test.', 'example.test:80'])
      expect(allowedHost(environ('GET', '/', { HTTP_HOST: host }), allowed)).toBe(host);
    for (const host of ['other.test', 'exa_mple.test', '127.0.0.1:8080'])
      expect(allowedHost(environ('GET', '/', { HTTP_HOST: host }), allowed)).toBeNull();
    expect(allowedHost(environ('GET', '/'), allowed)).toBeNull();
  });
});

describe('the framework applications', () => {
  const host = { HTTP_HOST: 'example.test' };
  it('Django refuses an unsafe method without a matching CSRF token, with the page for the cookie it had', () => {
    const noCookie = call('django', environ('POST', '/app/x/', host));
    const badToken = call('django', environ('POST', '/app/x/', { ...host, HTTP_COOKIE: 'csrftoken=short' }));
    expect([noCookie.status, badToken.status]).toEqual(['403 Forbidden', '403 Forbidden']);
    expect([noCookie.body.length, badToken.body.length]).toEqual([1382, 1019]);
    const token = 'A'.repeat(64);
    const good = call(
      'django',
      environ('POST', '/app/x/', { ...host, HTTP_COOKIE: `csrftoken=${token}`, HTTP_X_CSRFTOKEN: token }),
    );
    expect(good.status).toBe('200 OK');
  });
  it('Flask strips the body of HEAD only when the method is exactly HEAD', () => {
    expect(latin1(call('flask', environ('HEAD', '/app/x')).body)).toBe('');
    expect(latin1(call('flask', environ('head', '/app/x')).body)).toBe('<p>Hello, x!</p>');
  });
  it('Flask answers a method it does not route with 405 before redirecting merged slashes', () => {
    expect(call('flask', environ('POST', '/app//x')).status).toBe('405 METHOD NOT ALLOWED');
    expect(call('flask', environ('GET', '/app//x', host)).headers).toContainEqual([
      'Location',
      'http://example.test/app/x',
    ]);
  });
  it('web.py refuses lower-case methods before routing, and reads REQUEST_URI behind nginx', () => {
    const lower = call('webpy', environ('get', '/nowhere'));
    expect([lower.status, lower.headers]).toEqual([
      '405 Method Not Allowed',
      [
        ['Content-Type', 'text/html'],
        ['Allow', 'GET, HEAD, POST, PUT, DELETE'],
      ],
    ]);
    const behindNginx = environ('GET', '/ignored', {
      SERVER_SOFTWARE: 'nginx/1.22.1',
      SCRIPT_NAME: '/app',
      REQUEST_URI: '/app/caf%C3%A9?x=1',
    });
    expect(latin1(call('webpy', behindNginx).body)).toBe(latin1(new TextEncoder().encode('<p>Hello, café!</p>')));
  });
  it('wsgiref adds no Content-Length to an iterable without len(), and reduces a leading //', () => {
    const trace = runPipeline('wsgiref', request('GET //app/x HTTP/1.1\r\nHost: example.test\r\n\r\n'), {
      app: 'webpy',
    });
    expect(trace.response.raw).not.toContain('Content-Length');
    expect(trace.response.raw.endsWith('\r\n\r\n<p>Hello, x!</p>')).toBe(true);
  });
});

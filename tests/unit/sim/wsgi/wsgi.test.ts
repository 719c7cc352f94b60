import { describe, expect, it } from 'vitest';
import { Environ } from '../../../../src/sim/wsgi/environ.ts';
import { pyBool, pyInt, pyObject, pyStr, pyTuple, renderPyValue } from '../../../../src/sim/wsgi/python-value.ts';
import { createStartResponse } from '../../../../src/sim/wsgi/start-response.ts';
import { runApplication } from '../../../../src/sim/wsgi/run-application.ts';
import { createMiddlewareStackApp } from '../../../../src/sim/apps/middleware-stack-app.ts';
import { WSGI_APPS } from '../../../../src/sim/apps/wsgi-apps.ts';
import { latin1 } from '../../../../src/sim/bytes.ts';

const environFor = (path: string) =>
  new Environ()
    .set('REQUEST_METHOD', pyStr('GET'))
    .set('SCRIPT_NAME', pyStr(''))
    .set('PATH_INFO', pyStr(path))
    .set('QUERY_STRING', pyStr(''));

describe('Python values', () => {
  it('renders repr() the way Python does', () => {
    expect(
      [pyBool(true), pyBool(false), pyTuple(1, 0), pyTuple(7), pyInt(5), pyObject('<x>'), pyStr('s')].map(
        renderPyValue,
      ),
    ).toEqual(['True', 'False', '(1, 0)', '(7,)', '5', '<x>', 's']);
  });
  it('keeps dict order: a re-set key keeps its place', () => {
    const environ = new Environ().set('A', pyStr('1')).set('B', pyStr('2')).set('A', pyStr('3'));
    expect(environ.toPairs()).toEqual([
      ['A', '3'],
      ['B', '2'],
    ]);
  });
});

describe('start_response (PEP 3333)', () => {
  it('accepts one call and flags a second without exc_info', () => {
    const startResponse = createStartResponse();
    startResponse('200 OK', [['Content-Type', 'text/plain']]);
    expect(startResponse.error).toBeNull();
    startResponse('500 Oops', []);
    expect(startResponse.error).toEqual({ id: 'wsgi.secondStartResponse' });
  });
  it('rejects hop-by-hop headers and bad status lines', () => {
    const startResponse = createStartResponse();
    startResponse('OK', [['Connection', 'close']]);
    expect(startResponse.error).toEqual({ id: 'wsgi.invalidStatus', values: { status: '"OK"' } });
  });
});

describe('applications and middleware', () => {
  it('runs middleware in on the way in and out in reverse, and calls close()', () => {
    const result = runApplication(createMiddlewareStackApp(), environFor('/app/x'), new Uint8Array(0));
    expect(result.log).toEqual([
      'server calls TimingMiddleware(RequestIdMiddleware(hello:application))(environ, start_response)',
      'TimingMiddleware: request in',
      'RequestIdMiddleware: request in',
      'hello:application runs',
      'RequestIdMiddleware: start_response 200 OK',
      'TimingMiddleware: start_response 200 OK',
      'RequestIdMiddleware: response out',
      'TimingMiddleware: response out',
      'server iterates the response (1 item)',
      'server calls close() on the response iterable',
    ]);
    expect(result.headers.slice(-2)).toEqual([
      ['X-Request-Id', 'req-000001'],
      ['X-Elapsed', '0.000s'],
    ]);
  });
  it('frameworks route on PATH_INFO', () => {
    expect(runApplication(WSGI_APPS.flask(), environFor('/app/ada'), new Uint8Array(0)).status).toBe('200 OK');
    expect(runApplication(WSGI_APPS.flask(), environFor(''), new Uint8Array(0)).status).toBe('404 NOT FOUND');
    const allowedHost = (path: string) => environFor(path).set('HTTP_HOST', pyStr('example.test'));
    expect(runApplication(WSGI_APPS.django(), allowedHost('/app/ada'), new Uint8Array(0)).status).toBe(
      '301 Moved Permanently',
    );
    // No Host header and a SERVER_NAME outside ALLOWED_HOSTS: DisallowedHost.
    expect(runApplication(WSGI_APPS.django(), environFor('/app/ada/'), new Uint8Array(0)).status).toBe(
      '400 Bad Request',
    );
    expect(latin1(runApplication(WSGI_APPS.webpy(), environFor('/app/ada'), new Uint8Array(0)).body)).toBe(
      '<p>Hello, ada!</p>',
    );
  });
  it('every app is deterministic', () => {
    for (const id of Object.keys(WSGI_APPS) as (keyof typeof WSGI_APPS)[]) {
      const first = runApplication(WSGI_APPS[id](), environFor('/app/x/'), new Uint8Array(0));
      const second = runApplication(WSGI_APPS[id](), environFor('/app/x/'), new Uint8Array(0));
      expect(second).toEqual(first);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { Environ } from '../../../../src/sim/wsgi/environ.ts';
import { pyStr } from '../../../../src/sim/wsgi/python-value.ts';
import type { WsgiApplication, WsgiIterable, WsgiStartResponse } from '../../../../src/sim/wsgi/application.ts';
import { runApplication } from '../../../../src/sim/wsgi/run-application.ts';
import { WsgiRaised } from '../../../../src/sim/wsgi/wsgi-raised.ts';
import { defineMiddleware, wrapMiddleware } from '../../../../src/sim/wsgi/wrap-middleware.ts';
import { latin1, utf8 } from '../../../../src/sim/bytes.ts';

const environ = () => new Environ().set('REQUEST_METHOD', pyStr('GET')).set('PATH_INFO', pyStr('/'));
const boom = { type: 'ValueError', message: 'boom', traceback: 'Traceback…\nValueError: boom\n' };
const app = (call: (startResponse: WsgiStartResponse) => WsgiIterable): WsgiApplication => ({
  name: 'odd:application',
  call: (_invocation, startResponse) => call(startResponse),
});
const ok: [string, string][] = [['Content-Type', 'text/plain']];

describe('odd application results', () => {
  it('keeps an item that is not bytes in order, out of the joined body', () => {
    const result = runApplication(
      app((sr) => {
        sr('200 OK', ok);
        return { items: [utf8('a'), { type: 'str', repr: "'b'" }, utf8('c')], hasClose: false };
      }),
      environ(),
      new Uint8Array(0),
    );
    expect(result.items).toEqual([utf8('a'), { type: 'str', repr: "'b'" }, utf8('c')]);
    expect(latin1(result.body)).toBe('ac');
    expect(result.raised).toBeNull();
    expect(result.returnedType).toBe('list');
  });
  it('says where an exception left the application: the call, item N, close()', () => {
    const called = runApplication(
      app(() => {
        throw new WsgiRaised(boom);
      }),
      environ(),
      new Uint8Array(0),
    );
    expect(called.raised).toEqual({ where: 'call', afterItems: 0, exception: boom });
    expect(called.error).toBeNull();
    expect(called.calls).toEqual([]);
    const iterating = runApplication(
      app((sr) => {
        sr('200 OK', ok);
        return { items: [utf8('x')], hasClose: true, sized: false, type: 'generator', raises: boom };
      }),
      environ(),
      new Uint8Array(0),
    );
    expect(iterating.raised).toEqual({ where: 'iterate', afterItems: 1, exception: boom });
    expect(iterating.returnedType).toBe('generator');
    const closing = runApplication(
      app((sr) => {
        sr('200 OK', ok);
        return { items: [utf8('x'), utf8('y')], hasClose: true, closeRaises: boom };
      }),
      environ(),
      new Uint8Array(0),
    );
    expect(closing.raised).toEqual({ where: 'close', afterItems: 2, exception: boom });
  });
  it('records start_response calls made while iterating, with how far it was and exc_info', () => {
    const result = runApplication(
      app((sr) => {
        sr('200 OK', ok);
        return {
          items: [utf8('x')],
          hasClose: false,
          lateStartResponse: [{ afterItems: 1, status: '500 Oops', headers: [], excInfo: true }],
        };
      }),
      environ(),
      new Uint8Array(0),
    );
    expect(result.calls.map((c) => [c.status, c.withExcInfo, c.afterItems])).toEqual([
      ['200 OK', false, 0],
      ['500 Oops', true, 1],
    ]);
    expect(result.error).toBeNull();
  });
  it('passes exc_info through a middleware and flags a second call without it', () => {
    const twice = app((sr) => {
      sr('200 OK', ok);
      sr('500 Oops', ok, true);
      sr('502 Again', ok);
      return { items: [], hasClose: false };
    });
    const wrapped = wrapMiddleware(twice, [
      defineMiddleware(
        'M',
        () => undefined,
        (h) => h,
      ),
    ]);
    const result = runApplication(wrapped, environ(), new Uint8Array(0));
    expect(result.calls.map((c) => c.withExcInfo)).toEqual([false, true, false]);
    expect(result.error).toEqual({ id: 'wsgi.secondStartResponse' });
  });
  it('flags no start_response when nothing raised, not when the call raised', () => {
    const silent = runApplication(
      app(() => ({ items: [], hasClose: false })),
      environ(),
      new Uint8Array(0),
    );
    expect(silent.error).toEqual({ id: 'wsgi.noStartResponse' });
  });
});

import { describe, expect, it } from 'vitest';
import { Environ } from '../../../../src/sim/wsgi/environ.ts';
import type { WsgiApplication, WsgiIterable, WsgiStartResponse } from '../../../../src/sim/wsgi/application.ts';
import { runApplication } from '../../../../src/sim/wsgi/run-application.ts';
import { WsgiRaised } from '../../../../src/sim/wsgi/wsgi-raised.ts';
import { runBaseHandler, type BaseHandlerKind } from '../../../../src/sim/servers/python/base-handler.ts';
import { latin1, utf8 } from '../../../../src/sim/bytes.ts';

const SERVER: BaseHandlerKind = { originServer: true, accessLine: (status, bytes) => `${status} ${bytes}` };
const CGI: BaseHandlerKind = { originServer: false, accessLine: null };
const boom = {
  type: 'ValueError',
  message: 'boom',
  traceback: 'Traceback (most recent call last):\nValueError: boom\n',
};
const ok: [string, string][] = [['Content-Type', 'text/plain']];
const run = (call: (sr: WsgiStartResponse) => WsgiIterable, kind = SERVER) => {
  const app: WsgiApplication = { name: 'a', call: (_i, sr) => call(sr) };
  return runBaseHandler(runApplication(app, new Environ(), new Uint8Array(0)), kind);
};

describe("wsgiref's BaseHandler", () => {
  it('sends a one-item answer with Content-Length and logs it on close()', () => {
    const out = run((sr) => {
      sr('200 OK', ok);
      return { items: [utf8('hi')], hasClose: false };
    });
    expect([out.status, out.headers, latin1(out.body), out.stderr, out.failure]).toEqual([
      '200 OK',
      [...ok, ['Content-Length', '2']],
      'hi',
      ['200 OK 2'],
      null,
    ]);
  });
  it('answers its 500 page when the code raises before a byte is out, replacing a stored status', () => {
    const out = run((sr) => {
      sr('200 OK', ok);
      throw new WsgiRaised(boom);
    });
    expect(out.status).toBe('500 Internal Server Error');
    expect(out.headers).toEqual([
      ['Content-Type', 'text/plain'],
      ['Content-Length', '59'],
    ]);
    expect(out.stderr).toEqual([
      'Traceback (most recent call last):',
      'ValueError: boom',
      '500 Internal Server Error 59',
    ]);
    expect(out.cut).toBe(false);
  });
  it('stops after the headers are out: no page, no access line', () => {
    const out = run((sr) => {
      sr('200 OK', ok);
      return { items: [utf8('a'), { type: 'str', repr: "'b'" }], hasClose: false };
    });
    expect([out.status, latin1(out.body), out.cut, out.failure]).toEqual([
      '200 OK',
      'a',
      true,
      'AssertionError: write() argument must be a bytes instance',
    ]);
    expect(out.stderr).not.toContain('200 OK 1');
  });
  it('re-raises exc_info once the headers are out, and takes the new status before', () => {
    const late = run((sr) => {
      sr('200 OK', ok);
      return {
        items: [utf8('a'), utf8('b')],
        hasClose: false,
        lateStartResponse: [
          {
            afterItems: 1,
            status: '500 E',
            headers: ok,
            excInfo: true,
            excInfoException: { type: 'KeyError', message: 'k' },
          },
        ],
      };
    });
    expect([latin1(late.body), late.failure]).toEqual(['a', 'KeyError: k']);
    const early = run((sr) => {
      sr('200 OK', ok);
      sr('503 Busy', ok, true);
      return { items: [utf8('x')], hasClose: false };
    });
    expect([early.status, early.failure]).toEqual(['503 Busy', null]);
  });
  it('asserts on the status as start_response does', () => {
    const messages = ['200', 'OK!!', '200_OK'].map(
      (status) =>
        run((sr) => {
          sr(status, ok);
          return { items: [], hasClose: false };
        }).failure,
    );
    expect(messages).toEqual([
      'AssertionError: Status must be at least 4 characters',
      'AssertionError: Status message must begin w/3-digit code',
      'AssertionError: Status message must have a space after code',
    ]);
  });
  it('when close() raises: ServerHandler fails again on the reset environ, CGIHandler writes its page after the body', () => {
    const closing = (sr: WsgiStartResponse): WsgiIterable => {
      sr('200 OK', ok);
      return { items: [utf8('body')], hasClose: true, closeRaises: boom };
    };
    const server = run(closing);
    expect([server.status, latin1(server.body), server.closeFailed]).toEqual(['200 OK', 'body', true]);
    expect(server.stderr.filter((line) => !line.startsWith('Traceback'))).toEqual([
      '200 OK 4',
      'ValueError: boom',
      '500 Internal Server Error 59',
      '-'.repeat(40),
      "Exception occurred during processing of request from ('127.0.0.1', 50000)",
      'ValueError: boom',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      "TypeError: 'NoneType' object is not subscriptable",
      '-'.repeat(40),
    ]);
    const cgi = run(closing, CGI);
    expect(latin1(cgi.after)).toBe(
      'Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 59\r\n\r\nA server error occurred.  Please contact the administrator.',
    );
  });
  it('sends Content-Length: 0 for an empty body and fails without start_response', () => {
    const empty = run((sr) => {
      sr('204 No Content', []);
      return { items: [], hasClose: false };
    });
    expect(empty.headers).toEqual([['Content-Length', '0']]);
    const none = run(() => ({ items: [utf8('x')], hasClose: false }));
    expect([none.status, none.failure]).toEqual([
      '500 Internal Server Error',
      'AssertionError: write() before start_response()',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { cgiHandlerEnviron } from '../../../../src/sim/servers/python/cgi-handler.ts';
import { fsDecode } from '../../../../src/sim/servers/python/fs-decode.ts';

describe("Python's os.fsdecode (UTF-8 with surrogateescape)", () => {
  // Expected strings are what /usr/bin/python3 (3.11) gives for bytes.decode('utf-8', 'surrogateescape').
  it.each([
    ['/caf\u00c3\u00a9', '/caf\u00e9'],
    ['\u00ff\u00fe', '\udcff\udcfe'],
    ['a\u00e2\u0082', 'a\udce2\udc82'],
    ['\u00ed\u00a0\u0080x', '\udced\udca0\udc80x'],
    ['\u00c0\u00af', '\udcc0\udcaf'],
    ['\u00f0\u009f\u0098\u0080', '\ud83d\ude00'],
    ['\u00f4\u0090\u0080\u0080', '\udcf4\udc90\udc80\udc80'],
    ['\u00e2(\u00a1', '\udce2(\udca1'],
  ])('%j decodes to %j', (bytes, text) => {
    expect(fsDecode(bytes)).toBe(text);
  });
});

describe('CGIHandler environ (wsgiref.handlers.read_environ)', () => {
  it('keeps request variables as latin-1 bytes-as-str and the others as UTF-8 text', () => {
    const { environ, changes } = cgiHandlerEnviron([
      ['PATH_INFO', '/caf\u00c3\u00a9'],
      ['HTTP_X_NAME', '\u00c3\u00a9'],
      ['REDIRECT_QUERY_STRING', 'q=\u00c3\u00a9'],
      ['PATH_TRANSLATED', '/srv/caf\u00c3\u00a9'],
      ['REQUEST_URI', '/caf\u00ff'],
    ]);
    expect(environ.str('PATH_INFO')).toBe('/caf\u00c3\u00a9');
    expect(environ.str('HTTP_X_NAME')).toBe('\u00c3\u00a9');
    expect(environ.str('REDIRECT_QUERY_STRING')).toBe('q=\u00c3\u00a9');
    expect(environ.str('PATH_TRANSLATED')).toBe('/srv/caf\u00e9');
    expect(environ.str('REQUEST_URI')).toBe('/caf\udcff');
    expect(changes.filter((change) => change.kind === 'decoded').map((change) => change.to)).toEqual([
      'PATH_TRANSLATED',
      'REQUEST_URI',
    ]);
  });

  it('keeps the first of a repeated variable, as os.environ does', () => {
    const { environ, changes } = cgiHandlerEnviron([
      ['HTTP_X_CUSTOM_HEADER', 'dash'],
      ['SCRIPT_NAME', '/app'],
      ['HTTP_X_CUSTOM_HEADER', 'underscore'],
    ]);
    expect(environ.toPairs().slice(0, 2)).toEqual([
      ['HTTP_X_CUSTOM_HEADER', 'dash'],
      ['SCRIPT_NAME', '/app'],
    ]);
    expect(changes.some((change) => change.kind === 'dropped' && change.to === 'HTTP_X_CUSTOM_HEADER')).toBe(true);
  });

  it('says https only when HTTPS is on, yes or 1 (wsgiref.util.guess_scheme)', () => {
    const scheme = (value: string) => cgiHandlerEnviron([['HTTPS', value]]).environ.str('wsgi.url_scheme');
    expect(['on', 'yes', '1', 'off', ''].map(scheme)).toEqual(['https', 'https', 'https', 'http', 'http']);
  });
});

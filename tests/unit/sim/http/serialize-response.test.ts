import { describe, expect, it } from 'vitest';
import { encodeChunked, serializeResponse } from '../../../../src/sim/http/serialize-response.ts';
import { latin1, utf8 } from '../../../../src/sim/bytes.ts';
import { normalizePath, percentDecode, splitTarget } from '../../../../src/sim/http/target.ts';

describe('serializeResponse', () => {
  it('writes status line, fields and body', () => {
    const bytes = serializeResponse({
      version: 'HTTP/1.1',
      status: 404,
      reason: 'Gone Fishing',
      headers: [['Content-Length', '2']],
      body: utf8('no'),
    });
    expect(latin1(bytes)).toBe('HTTP/1.1 404 Gone Fishing\r\nContent-Length: 2\r\n\r\nno');
  });
  it('chunks a body (RFC 9112 §7.1)', () => {
    expect(latin1(encodeChunked([utf8('hello'), new Uint8Array(0)]))).toBe('5\r\nhello\r\n0\r\n\r\n');
  });
});

describe('request targets', () => {
  it('splits origin and absolute forms', () => {
    expect(splitTarget('/a/b?x=1#f')).toEqual({
      form: 'origin',
      path: '/a/b',
      query: 'x=1',
      authority: null,
      scheme: null,
    });
    expect(splitTarget('http://h:81/p?q')).toEqual({
      form: 'absolute',
      path: '/p',
      query: 'q',
      authority: 'h:81',
      scheme: 'http',
    });
    expect(splitTarget('*').form).toBe('asterisk');
  });
  it('percent-decodes byte-wise and normalises dot segments', () => {
    expect(percentDecode('/caf%C3%A9/a%2Fb')).toBe('/cafÃ©/a/b');
    expect(percentDecode('/a%2Fb', true)).toBe('/a%2Fb');
    expect(normalizePath('/app/x/../y/./z', false)).toBe('/app/y/z');
    expect(normalizePath('/app//x', true)).toBe('/app/x');
  });
});

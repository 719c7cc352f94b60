import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { STRICT_HTTP_OPTIONS, type HttpParseOptions } from '../../../../src/sim/http/parse-options.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';

const request = (method: string, rest = 'Host: example.test\r\n\r\n', version = 'HTTP/1.1') =>
  fromLatin1(`${method} /app/ ${version}\r\n${rest}`);
const options = (methodCheck: HttpParseOptions['methodCheck'], known?: string[]): HttpParseOptions => ({
  ...STRICT_HTTP_OPTIONS,
  methodCheck,
  ...(known ? { knownMethods: new Set(known) } : {}),
});
const failure = (bytes: Uint8Array, how: HttpParseOptions) => {
  const parsed = parseRequest(bytes, how);
  return parsed.ok ? null : { code: parsed.error.code, status: parsed.error.status, method: parsed.error.method };
};

describe('methodCheck: what a server checks of the method, and when', () => {
  it('token: any character outside tchar is 400, a dash or a digit is not', () => {
    expect(failure(request('G@T'), options('token'))?.status).toBe(400);
    expect(failure(request('M-SEARCH'), options('token'))).toBeNull();
    expect(failure(request('GET1'), options('token'))).toBeNull();
  });

  it('any: the first word is the method, whatever it holds', () => {
    expect(parseRequest(request('G@T'), options('any'))).toMatchObject({ ok: true, request: { method: 'G@T' } });
    expect(failure(request('{x}'), options('any'))).toBeNull();
  });

  it('uppercase: one lower-case letter is 400, other bytes pass (Cheroot)', () => {
    expect(failure(request('Get'), options('uppercase'))).toEqual({ code: 'bad-method', status: 400, method: 'Get' });
    expect(failure(request('GEt'), options('uppercase'))?.status).toBe(400);
    for (const method of ['G@T', 'M-SEARCH', 'GET_X', 'GET1'])
      expect(failure(request(method), options('uppercase'))).toBeNull();
  });

  it('known: a method missing from the table is 501, compared case-sensitively (lighttpd)', () => {
    const known = options('known', ['GET', 'POST']);
    expect(failure(request('GET'), known)).toBeNull();
    expect(failure(request('get'), known)).toEqual({ code: 'bad-method', status: 501, method: 'get' });
    expect(failure(request('G@T'), known)?.status).toBe(501);
  });

  it('uppercase and known are checked before the header section and the target', () => {
    const badLength = 'Host: example.test\r\nContent-Length: +5\r\n\r\nhello';
    expect(failure(request('GET', badLength), options('known', ['GET']))?.code).toBe('invalid-content-length');
    expect(failure(request('get', badLength), options('known', ['GET']))?.status).toBe(501);
    expect(failure(request('get', 'Host: example.test\r\nX: 1\r\n folded\r\n\r\n'), options('uppercase'))?.code).toBe(
      'bad-method',
    );
    expect(failure(fromLatin1('FROB /a\x01b HTTP/1.1\r\n\r\n'), options('known', ['GET']))?.status).toBe(501);
  });

  it('but after the version: a version the server refuses wins over the method', () => {
    expect(failure(request('FROB', 'Host: example.test\r\n\r\n', 'HTTP/2.0'), options('known', ['GET']))?.status).toBe(
      505,
    );
    expect(failure(request('get', 'Host: example.test\r\n\r\n', 'HTTX/1.1'), options('uppercase'))?.code).toBe(
      'bad-version',
    );
  });

  it('capitals: only A–Z, _ and -, refused before the target and the version (nginx)', () => {
    for (const method of ['GET', 'M-SEARCH', 'GET_X', '-GET'])
      expect(failure(request(method), options('capitals'))).toBeNull();
    for (const method of ['GET1', 'G@T', 'Get', 'G.T'])
      expect(failure(request(method), options('capitals'))?.code).toBe('bad-method');
    // The method wins over a refused version, a target that is no path and a malformed field line.
    expect(failure(request('GET1', 'Host: example.test\r\n\r\n', 'HTTP/2.0'), options('capitals'))?.status).toBe(400);
    expect(failure(request('GET', 'Host: example.test\r\n\r\n', 'HTTP/2.0'), options('capitals'))?.status).toBe(505);
    expect(failure(fromLatin1('G@T\t/app/ HTTP/9.9\r\n\r\n'), options('capitals'))?.code).toBe('bad-method');
    expect(failure(request('Get', 'X: 1\r\n folded\r\n\r\n'), options('capitals'))?.code).toBe('bad-method');
  });
});

import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { STRICT_HTTP_OPTIONS, type HttpParseOptions } from '../../../../src/sim/http/parse-options.ts';
import { PYTHON_HTTP_OPTIONS } from '../../../../src/sim/servers/python/python-http-options.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';

const request = (line: string) =>
  fromLatin1(`POST /app/ HTTP/1.1\r\nHost: example.test\r\n${line}\r\nX-After: 2\r\nContent-Length: 1\r\n\r\na`);
const names = (line: string, options: HttpParseOptions) => {
  const parsed = parseRequest(request(line), options);
  return parsed.ok ? parsed.request.headers.map((h) => h.name) : parsed.error.code;
};
const strict = (changes: Partial<HttpParseOptions>): HttpParseOptions => ({ ...STRICT_HTTP_OPTIONS, ...changes });

describe('odd field lines (captured: case 129)', () => {
  it('an empty name: rejected, skipped (email parser) or kept (Cheroot)', () => {
    expect(names(': no name', STRICT_HTTP_OPTIONS)).toBe('bad-header-name');
    expect(names(': no name', strict({ emptyName: 'skip' }))).toEqual(['Host', 'X-After', 'Content-Length']);
    expect(names(': no name', strict({ emptyName: 'keep' }))).toEqual(['Host', '', 'X-After', 'Content-Length']);
  });

  it('a space inside a name or a byte above 0x7F ends the fields for the email parser, and the length with them', () => {
    for (const line of ['X Space: 1', 'X-\xe9: 1', 'X-Tab\t: 1', 'X-Spaced : 1'])
      expect(names(line, PYTHON_HTTP_OPTIONS)).toEqual(['Host']);
    expect(names('X Space: 1', strict({ spaceInName: 'keep' }))).toEqual([
      'Host',
      'X Space',
      'X-After',
      'Content-Length',
    ]);
    expect(names('X-\xe9: 1', strict({ nonAsciiName: 'skip' }))).toEqual(['Host', 'X-After', 'Content-Length']);
    expect(names('X-\xe9: 1', STRICT_HTTP_OPTIONS)).toBe('bad-header-name');
    expect(names('X Space: 1', strict({ nonAsciiName: 'skip' }))).toBe('bad-header-name');
  });

  it('a NUL in a value is refused unless the server passes it on', () => {
    expect(names('X-Nul: a\0b', strict({ controlCharacters: 'allow' }))).toBe('bad-header-value');
    const parsed = parseRequest(request('X-Nul: a\0b'), strict({ nulInValue: 'allow', controlCharacters: 'allow' }));
    expect(parsed.ok && parsed.request.headers[1]?.value).toBe('a\0b');
  });
});

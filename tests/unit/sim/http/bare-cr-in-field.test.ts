import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { PYTHON_HTTP_OPTIONS } from '../../../../src/sim/servers/python/python-http-options.ts';
import { CHEROOT } from '../../../../src/sim/servers/python/cheroot-server.ts';
import { STRICT_HTTP_OPTIONS } from '../../../../src/sim/http/parse-options.ts';

const fields = (options: typeof STRICT_HTTP_OPTIONS, lines: string) => {
  const parsed = parseRequest(fromLatin1(`GET /app/ HTTP/1.1\r\nHost: h\r\n${lines}X-After: 1\r\n\r\n`), options);
  return parsed.ok ? parsed.request.headers.map(({ name, value }) => [name, value]) : parsed.error.code;
};

describe('a bare CR inside a field line', () => {
  it('is refused by default (RFC 9112 §2.2)', () => {
    expect(fields(STRICT_HTTP_OPTIONS, 'X-Bare-Cr: a\rb\r\n')).toBe('bare-cr');
  });
  it("ends the line for Python's email parser: a line without a colon then ends the fields", () => {
    expect(fields(PYTHON_HTTP_OPTIONS, 'X-Bare-Cr: a\rb\r\n')).toEqual([
      ['Host', 'h'],
      ['X-Bare-Cr', 'a'],
    ]);
    expect(fields(PYTHON_HTTP_OPTIONS, 'X-Bare-Cr: a\rX-In: 2\r\n')).toEqual([
      ['Host', 'h'],
      ['X-Bare-Cr', 'a'],
      ['X-In', '2'],
      ['X-After', '1'],
    ]);
    // A piece starting with a space continues the field, joined with the CR that ended the piece before.
    expect(fields(PYTHON_HTTP_OPTIONS, 'X-Bare-Cr: a\r X-In: 2\r\n')).toContainEqual(['X-Bare-Cr', 'a\r X-In: 2']);
  });
  it('stays in the value for Cheroot', () => {
    expect(fields(CHEROOT.httpOptions, 'X-Bare-Cr: a\rb\r\n')).toContainEqual(['X-Bare-Cr', 'a\rb']);
  });
});

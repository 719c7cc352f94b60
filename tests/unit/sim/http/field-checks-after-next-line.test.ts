import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../src/sim/index.ts';

const LONG = `X-Large: ${'abcdefghij'.repeat(820)}\r\n`;
const request = (...lines: string[]) =>
  new TextEncoder().encode(`GET /app/ HTTP/1.1\r\nHost: example.test\r\n${lines.join('')}\r\n`);
const answer = (pipeline: string, ...lines: string[]) => runPipeline(pipeline, request(...lines)).response.raw;
const SIZE_PAGE = 'Size of a request header field exceeds server limit';

describe('Apache judges a field line after reading the next one (ap_get_mime_headers_core; cases 161, 162)', () => {
  it('refuses a next line over LimitRequestFieldSize before a missing colon or a bad name', () => {
    expect(answer('apache-static', 'X-No-Colon\r\n', LONG)).toContain(SIZE_PAGE);
    expect(answer('apache-cgi', 'X-Paren(Name): 1\r\n', LONG)).toContain(SIZE_PAGE);
  });

  it('still refuses the line itself when the next one fits', () => {
    for (const line of ['X-No-Colon\r\n', 'X-Paren(Name): 1\r\n']) {
      const raw = answer('apache-static', line, 'X-Short: 1\r\n');
      expect(raw, line).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(raw, line).not.toContain(SIZE_PAGE);
    }
  });

  it('is Apache’s order only: Cheroot refuses the line without a colon first', () => {
    expect(answer('cherrypy', 'X-No-Colon\r\n', LONG)).toMatch(
      /^HTTP\/1\.1 400 Bad Request\r\n[^]*Illegal header line/,
    );
  });
});

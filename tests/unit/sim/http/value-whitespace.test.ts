import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { STRICT_HTTP_OPTIONS, type HttpParseOptions } from '../../../../src/sim/http/parse-options.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

const withField = (field: string, rest = '') =>
  fromLatin1(`GET /app/ HTTP/1.1\r\nHost: example.test\r\n${field}\r\n\r\n${rest}`);
const value = (field: string, options: Partial<HttpParseOptions>) => {
  const parsed = parseRequest(withField(field), { ...STRICT_HTTP_OPTIONS, ...options });
  return parsed.ok ? parsed.request.headers.find((h) => h.name === 'X')?.value : parsed.error.code;
};
const statusLine = (pipeline: string, raw: string) =>
  runPipeline(pipeline, fromLatin1(raw), { app: 'dump' }).response.raw.split('\r\n', 1)[0];

describe('valueWhitespace: which whitespace is trimmed around a field value', () => {
  it('sp-htab trims spaces and tabs at both ends (RFC 9110 OWS)', () => {
    expect(value('X: \tv\t', {})).toBe('v');
    expect(value('X:  \t v \t ', {})).toBe('v');
    expect(value('X: a \t b', {})).toBe('a \t b');
  });

  it('sp trims spaces only: tabs at either end stay, and so does what lies between them (nginx)', () => {
    const sp = { valueWhitespace: 'sp' } as const;
    expect(value('X: \tv\t', sp)).toBe('\tv\t');
    expect(value('X:  \t v \t ', sp)).toBe('\t v \t');
    expect(value('X: v\t ', sp)).toBe('v\t');
    expect(value('X: \t', sp)).toBe('\t');
    expect(value('X:   ', sp)).toBe('');
  });

  it('nginx then refuses a tab in Content-Length (400), Transfer-Encoding (501) and Host (400)', () => {
    const post = (field: string, body: string) =>
      `POST /app/ HTTP/1.1\r\nHost: example.test\r\n${field}\r\n\r\n${body}`;
    expect(statusLine('nginx-uwsgi', post('Content-Length: 5\t', 'hello'))).toBe('HTTP/1.1 400 Bad Request');
    expect(statusLine('nginx-uwsgi', post('Content-Length:\t5', 'hello'))).toBe('HTTP/1.1 400 Bad Request');
    expect(statusLine('nginx-uwsgi', post('Transfer-Encoding: chunked\t', '5\r\nhello\r\n0\r\n\r\n'))).toBe(
      'HTTP/1.1 501 Not Implemented',
    );
    expect(statusLine('nginx-uwsgi', post('Transfer-Encoding: chunked ', '5\r\nhello\r\n0\r\n\r\n'))).toBe(
      'HTTP/1.1 200 OK',
    );
    expect(statusLine('nginx-static', 'GET / HTTP/1.1\r\nHost:\texample.test\r\n\r\n')).toBe(
      'HTTP/1.1 400 Bad Request',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { STRICT_HTTP_OPTIONS, type HttpParseOptions } from '../../../../src/sim/http/parse-options.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';

function parse(raw: string, options: Partial<HttpParseOptions>) {
  return parseRequest(fromLatin1(raw), { ...STRICT_HTTP_OPTIONS, ...options });
}

const HOST = 'Host: example.test\r\n\r\n';

describe('requestLineSplit: space-runs', () => {
  const spaces = { requestLineSplit: 'space-runs', versionSyntax: 'nginx-digits' } as const;

  it('takes runs of spaces between the parts and after the version', () => {
    const parsed = parse(`GET   /a  HTTP/1.1   \r\n${HOST}`, spaces);
    expect(parsed).toMatchObject({ ok: true, request: { method: 'GET', target: '/a', version: 'HTTP/1.1' } });
  });

  it('refuses a tab as a separator, a space before the method and a space inside the target', () => {
    for (const line of ['GET\t/a HTTP/1.1', 'GET /a\tHTTP/1.1', ' GET /a HTTP/1.1', 'GET /a b HTTP/1.1'])
      expect(parse(`${line}\r\n${HOST}`, spaces), line).toMatchObject({ ok: false, error: { status: 400 } });
  });
});

describe('versions in the request line', () => {
  it('answers lighttpd-style errors before the method is read, and keeps the version for later ones', () => {
    const options = { requestLineSplit: 'first-and-last-space', versionSyntax: 'lighttpd-suffix' } as const;
    expect(parse(`GET /a HTTP/1.2\r\n${HOST}`, options)).toMatchObject({
      ok: false,
      error: { status: 505, code: 'unsupported-version' },
    });
    const later = parse(`GET  /a HTTP/1.0\r\n${HOST}`, options);
    expect(later).toMatchObject({ ok: false, error: { status: 400, version: 'HTTP/1.0' } });
  });

  it('checks the last of more than three words as a version first (python-words)', () => {
    const options = { requestLineSplit: 'whitespace-words', versionSyntax: 'python-words' } as const;
    expect(parse(`GET /a b HTTP/1.1x\r\n${HOST}`, options)).toMatchObject({
      ok: false,
      error: { code: 'bad-version', quoted: 'HTTP/1.1x' },
    });
    expect(parse(`GET /a b HTTP/1.1\r\n${HOST}`, options)).toMatchObject({
      ok: false,
      error: { code: 'request-line-words', version: 'HTTP/1.1' },
    });
  });
});

describe('leadingEmptyLines', () => {
  const lines = ['\r\n', '\n', '\r\n\r\n'];
  const outcome = (how: HttpParseOptions['leadingEmptyLines'], prefix: string): string => {
    const parsed = parse(`${prefix}GET /a HTTP/1.1\r\n${HOST}`, { leadingEmptyLines: how });
    return parsed.ok ? 'ok' : parsed.error.code;
  };

  it('skip: any CRs and LFs', () => {
    expect(lines.map((prefix) => outcome('skip', prefix))).toEqual(['ok', 'ok', 'ok']);
  });

  it('skip-crlf: CRLF lines only', () => {
    expect(lines.map((prefix) => outcome('skip-crlf', prefix))).toEqual(['ok', 'bare-lf', 'ok']);
  });

  it('skip-one-crlf: one CRLF, then the next line is the request line', () => {
    expect(lines.map((prefix) => outcome('skip-one-crlf', prefix))).toEqual(['ok', 'bare-lf', 'bad-request-line']);
  });

  it('reject and close: no empty line at all', () => {
    expect(lines.map((prefix) => outcome('reject', prefix))).toEqual(Array(3).fill('bad-request-line'));
    expect(lines.map((prefix) => outcome('close', prefix))).toEqual(Array(3).fill('empty-request-line'));
    expect(outcome('reject', '')).toBe('ok');
  });
});

describe('bareLfEmptyLine', () => {
  it('takes a bare LF on the empty line after the header section only', () => {
    const options = { bareLfEmptyLine: 'allow' } as const;
    expect(parse('GET /a HTTP/1.1\r\nHost: example.test\r\n\n', options)).toMatchObject({ ok: true });
    expect(parse('GET /a HTTP/1.1\r\nHost: example.test\n\r\n', options)).toMatchObject({
      ok: false,
      error: { code: 'bare-lf', version: 'HTTP/1.1' },
    });
    expect(parse('GET /a HTTP/1.1\nHost: example.test\r\n\r\n', options)).toMatchObject({
      ok: false,
      error: { code: 'bare-lf' },
    });
    expect(parse('GET /a HTTP/1.1\r\nHost: example.test\r\n\n', {})).toMatchObject({
      ok: false,
      error: { code: 'bare-lf' },
    });
  });
});

describe('obs-fold among mixed line endings', () => {
  it('keeps the ending of the line the fold continues', () => {
    const options = { obsFold: 'keep-crlf', allowBareLf: true } as const;
    const value = (raw: string): string | undefined => {
      const parsed = parse(raw, options);
      return parsed.ok ? parsed.request.headers.find((h) => h.name === 'Accept')?.value : undefined;
    };
    expect(value('GET /a HTTP/1.1\r\nHost: x\r\nAccept: a\r\n  b\n\r\n')).toBe('a\r\n  b');
    expect(value('GET /a HTTP/1.1\r\nHost: x\r\nAccept: a\n  b\r\n\r\n')).toBe('a\n  b');
  });
});

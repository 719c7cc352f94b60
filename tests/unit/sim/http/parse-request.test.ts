import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { STRICT_HTTP_OPTIONS } from '../../../../src/sim/http/parse-options.ts';
import { NO_LIMITS } from '../../../../src/sim/http/request-limits.ts';
import { LENIENT_HTTP_OPTIONS } from './lenient-http-options.ts';
import { fromLatin1, latin1 } from '../../../../src/sim/bytes.ts';

const parse = (text: string, options = STRICT_HTTP_OPTIONS) => parseRequest(fromLatin1(text), options);

describe('parseRequest', () => {
  it('reads the request line, headers and a Content-Length body', () => {
    const result = parse('POST /app/x?q=1 HTTP/1.1\r\nHost: example.test\r\nContent-Length: 3\r\n\r\nabc');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request.method).toBe('POST');
    expect(result.request.target).toBe('/app/x?q=1');
    expect(result.request.headers.map((h) => [h.name, h.value, h.offset])).toEqual([
      ['Host', 'example.test', 26],
      ['Content-Length', '3', 46],
    ]);
    expect(latin1(result.request.body)).toBe('abc');
    expect(result.request.framing).toBe('content-length');
  });

  it('ignores an empty line before the request line (RFC 9112 §2.2)', () => {
    expect(parse('\r\nGET / HTTP/1.0\r\n\r\n').ok).toBe(true);
  });

  it('de-chunks a body with extensions and trailers', () => {
    const result = parse(
      'POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n',
    );
    expect(result.ok && latin1(result.request.body)).toBe('abcde');
    expect(result.ok && result.request.trailers.map((t) => [t.name, t.value])).toEqual([['X-Trailer', 't']]);
  });

  it('locates a bare LF when strict and accepts it when lenient', () => {
    const text = 'GET / HTTP/1.1\nHost: h\n\n';
    expect(parse(text)).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "bare-lf",
          "message": {
            "id": "http.bareLf",
          },
          "offset": 14,
          "status": 400,
        },
        "ok": false,
      }
    `);
    const lenient = parse(text, LENIENT_HTTP_OPTIONS);
    expect(lenient.ok && lenient.request.tolerated.map((t) => t.code)).toEqual(['bare-lf', 'bare-lf', 'bare-lf']);
  });

  it('handles obs-fold per option', () => {
    const text = 'GET / HTTP/1.1\r\nHost: h\r\nX-F: a\r\n b\r\n\r\n';
    expect(!parse(text).ok && parse(text)).toMatchObject({ error: { code: 'obs-fold', offset: 33 } });
    const value = (obsFold: typeof STRICT_HTTP_OPTIONS.obsFold) => {
      const result = parse(text, { ...STRICT_HTTP_OPTIONS, obsFold });
      return result.ok ? result.request.headers[1]?.value : null;
    };
    expect(value('join-with-space')).toBe('a b');
    expect(value('spaces-for-crlf')).toBe('a   b');
    expect(value('keep-crlf')).toBe('a\r\n b');
  });

  it('handles a header line without a colon per option', () => {
    const text = 'GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\nX-After: 1\r\n\r\n';
    expect(parse(text)).toMatchObject({ ok: false, error: { code: 'missing-colon', offset: 25 } });
    const names = (missingColon: typeof STRICT_HTTP_OPTIONS.missingColon) => {
      const result = parse(text, { ...STRICT_HTTP_OPTIONS, missingColon });
      return result.ok ? result.request.headers.map((h) => h.name) : null;
    };
    expect(names('empty-value')).toEqual(['Host', 'NoColon', 'X-After']);
    expect(names('skip')).toEqual(['Host', 'X-After']);
    expect(names('end-headers')).toEqual(['Host']);
  });

  it('rejects Content-Length with Transfer-Encoding when strict and lets chunked win when lenient', () => {
    const text =
      'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n';
    expect(parse(text)).toMatchObject({ ok: false, error: { code: 'conflicting-length', offset: 26 } });
    const lenient = parse(text, LENIENT_HTTP_OPTIONS);
    expect(lenient.ok && latin1(lenient.request.body)).toBe('abc');
  });

  it('locates other malformations', () => {
    expect(parse('GET / HTTP/1.1\r\n\r\n')).toMatchObject({ error: { code: 'missing-host', offset: 18 } });
    expect(parse('GET / HTTP/2.0\r\n\r\n')).toMatchObject({
      error: { code: 'unsupported-version', status: 505, offset: 6 },
    });
    expect(parse('GET / HTTP/1.1\r\nHost : h\r\n\r\n')).toMatchObject({
      error: { code: 'space-before-colon', offset: 20 },
    });
    expect(parse('POST / HTTP/1.1\r\nHost: h\r\nContent-Length: x\r\n\r\n')).toMatchObject({
      error: { code: 'invalid-content-length' },
    });
    expect(parse('POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n')).toMatchObject({
      error: { code: 'duplicate-content-length', offset: 45 },
    });
    expect(parse('POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n')).toMatchObject({
      error: { code: 'unsupported-transfer-coding', status: 501 },
    });
    expect(parse('POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 9\r\n\r\nabc')).toMatchObject({
      error: { code: 'incomplete-body', offset: 50 },
    });
    expect(parse('GET / HTTP/1.1\r\nHost: h\r\n')).toMatchObject({ error: { code: 'incomplete', offset: 25 } });
  });

  it('answers 414 beyond the request-line limit', () => {
    const long = `GET /${'a'.repeat(100)} HTTP/1.1\r\nHost: h\r\n\r\n`;
    expect(parse(long, { ...STRICT_HTTP_OPTIONS, limits: { ...NO_LIMITS, requestLine: 50 } })).toMatchObject({
      error: { code: 'uri-too-long', status: 414, limit: { kind: 'requestLine', size: 114 } },
    });
  });

  it('hands the rest of the stream over in stream-body mode', () => {
    const result = parse(
      'POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
      { ...LENIENT_HTTP_OPTIONS, streamBody: true, transferCoding: 'ignore' },
    );
    expect(result.ok && latin1(result.request.body)).toBe('3\r\nabc\r\n0\r\n\r\n');
  });
});

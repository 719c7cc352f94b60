import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { STRICT_HTTP_OPTIONS, type HttpParseOptions } from '../../../../src/sim/http/parse-options.ts';
import { runPipeline } from '../../../../src/sim/index.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';

function parse(raw: string, options: Partial<HttpParseOptions>) {
  return parseRequest(fromLatin1(raw), { ...STRICT_HTTP_OPTIONS, ...options });
}

function answer(pipeline: string, raw: string): string {
  return runPipeline(pipeline, fromLatin1(raw), { app: 'dump' }).response.raw;
}

describe('simpleRequests: a request line without a version (HTTP/0.9)', () => {
  it('serve-get: a GET is an HTTP/0.9 request with no header section; another method is refused as HTTP/0.9', () => {
    const options = { simpleRequests: 'serve-get', requestLineSplit: 'space-runs' } as const;
    expect(parse('GET  /a  \r\n', options)).toMatchObject({
      ok: true,
      request: { method: 'GET', target: '/a', version: 'HTTP/0.9', headers: [] },
    });
    expect(parse('POST /a\r\n', options)).toMatchObject({
      ok: false,
      error: { code: 'http09-method', status: 400, version: 'HTTP/0.9', method: 'POST' },
    });
  });

  it('serve-get-strict: another method is refused in HTTP/1.1', () => {
    const refused = parse('HEAD /a\r\n', { simpleRequests: 'serve-get-strict' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'http09-method', method: 'HEAD' } });
    expect(!refused.ok && refused.error.version).toBe(undefined);
  });

  it('wait-get: a GET is read once the client has gone; wait: nothing without the head’s empty line', () => {
    expect(parse('GET /a\r\n', { simpleRequests: 'wait-get' })).toMatchObject({
      ok: true,
      request: { clientGone: true },
    });
    expect(parse('GET /a\r\n', { simpleRequests: 'wait' })).toMatchObject({
      ok: false,
      error: { code: 'waits-for-head' },
    });
    expect(parse('GET /a HTTP/1.1\r\nHost: x\r\n', { simpleRequests: 'wait' })).toMatchObject({
      ok: false,
      error: { code: 'waits-for-head' },
    });
    expect(parse('GET /a\r\n', { simpleRequests: 'malformed' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request-line' },
    });
  });
});

describe('HTTP/0.9 through the pipelines', () => {
  it('is answered with the body alone by Apache and nginx', () => {
    expect(answer('apache-cgi', 'GET /app/\r\n')).toBe('Hello from the app\n');
    expect(answer('nginx-uwsgi', 'GET /app/\r\n')).toBe('Hello from the app\n');
    expect(answer('nginx-static', 'POST /app/\r\n')).toMatch(/^<html>\r\n<head><title>400 Bad Request/);
    expect(answer('apache-static', 'POST /app/\r\n')).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  });

  it('gets no answer from lighttpd, wsgiref and Werkzeug, which wait for a header section', () => {
    for (const pipeline of ['lighttpd-cgi', 'wsgiref', 'werkzeug'])
      expect(answer(pipeline, 'GET /app/\r\n'), pipeline).toBe('');
    expect(answer('wsgiref', 'POST /app/\r\n')).toContain("Bad HTTP/0.9 request type ('POST')");
  });

  it('hands nginx’s gateways an empty SERVER_PROTOCOL', () => {
    const trace = runPipeline('nginx-fastcgi-flup', fromLatin1('GET /app/\r\n'), { app: 'dump' });
    const params = trace.hops.find((hop) => hop.fastcgi !== undefined)?.fastcgi?.records.flatMap((r) => r.params ?? []);
    expect(params?.find(([name]) => name === 'SERVER_PROTOCOL')).toEqual(['SERVER_PROTOCOL', '']);
  });
});

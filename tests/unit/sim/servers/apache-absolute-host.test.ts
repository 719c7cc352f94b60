import { describe, expect, it } from 'vitest';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

const trace = (pipeline: string, text: string) => runPipeline(pipeline, fromLatin1(text), { app: 'dump' });
const cgiVariable = (text: string, name: string) =>
  trace('apache-cgi', text)
    .hops.flatMap((hop) => hop.cgi?.env ?? [])
    .find(([key]) => key === name)?.[1];

describe('Apache takes the host from an http:// target only (captured: cases 140–141)', () => {
  it('leaves HTTP_HOST as sent for an https:// target, and takes its port when Host gives none', () => {
    const https = 'GET https://example.test/app/ HTTP/1.1\r\nHost: EXAMPLE.test:8080\r\n\r\n';
    expect(cgiVariable(https, 'HTTP_HOST')).toBe('EXAMPLE.test:8080');
    expect(cgiVariable(https, 'SERVER_NAME')).toBe('example.test');
    const port = 'GET https://example.test:444/app/ HTTP/1.1\r\nHost: Example.Test\r\n\r\n';
    expect(cgiVariable(port, 'SERVER_PORT')).toBe('444');
    expect(
      cgiVariable('GET https://example.test:444/app/ HTTP/1.1\r\nHost: example.test:81\r\n\r\n', 'SERVER_PORT'),
    ).toBe('81');
    // An http:// target (any case) names the host itself, lower-cased.
    expect(cgiVariable('GET HTTP://Other.TEST:81/app/ HTTP/1.1\r\nHost: example.test\r\n\r\n', 'HTTP_HOST')).toBe(
      'other.test:81',
    );
  });

  it('needs a Host field on HTTP/1.1 either way, but reads an empty one only without an http:// target', () => {
    const status = (text: string) => /^HTTP\/1\.1 (\d{3})/.exec(trace('apache-static', text).response.raw)?.[1];
    expect(status('GET https://example.test/app/ HTTP/1.1\r\n\r\n')).toBe('400');
    expect(status('GET http://example.test/app/ HTTP/1.1\r\n\r\n')).toBe('400');
    expect(status('HEAD http://example.test/app/%2F HTTP/1.1\r\nHost:\r\n\r\n')).toBe('404');
    expect(status('HEAD https://example.test/app/%2F HTTP/1.1\r\nHost:\r\n\r\n')).toBe('400');
    expect(status('HEAD /app/%2F HTTP/1.1\r\nHost:\r\n\r\n')).toBe('400');
  });

  it('merges two Host fields: refused without an http:// target, not read with one (one HTTP_HOST)', () => {
    const two = 'Host: example.test\r\nHost: other.test\r\n';
    const status = (text: string) => /^HTTP\/1\.[01] (\d{3})/.exec(trace('apache-static', text).response.raw)?.[1];
    expect(status(`GET /static/hello.txt HTTP/1.1\r\n${two}\r\n`)).toBe('400');
    expect(status(`GET /static/hello.txt HTTP/1.0\r\n${two}\r\n`)).toBe('400');
    expect(status(`GET http://example.test/static/hello.txt HTTP/1.1\r\n${two}\r\n`)).toBe('200');
    expect(status(`GET https://example.test/static/hello.txt HTTP/1.1\r\n${two}\r\n`)).toBe('400');
    expect(cgiVariable(`GET http://example.test/app/ HTTP/1.1\r\n${two}\r\n`, 'HTTP_HOST')).toBe('example.test');
  });

  it("checks an http:// target's host name as it checks Host (fix_hostname), not its port", () => {
    const status = (target: string) =>
      /^HTTP\/1\.1 (\d{3})/.exec(
        trace('apache-static', `GET ${target} HTTP/1.1\r\nHost: example.test\r\n\r\n`).response.raw,
      )?.[1];
    expect(status('http://..x/other.test/app/')).toBe('400');
    expect(status('http://123/app/')).toBe('400');
    expect(status('http://Example.Test./static/hello.txt')).toBe('200');
    expect(status('https://..x/static/hello.txt')).toBe('200');
    // A port that is not digits fails apr_uri_parse, whatever the scheme; the page names the server itself.
    const page = trace('apache-static', 'GET https://example.test:80x/app/ HTTP/1.1\r\nHost: example.test\r\n\r\n');
    expect(page.response.raw).toMatch(/^HTTP\/1\.1 400 [^]*Server at 127\.0\.0\.1 Port 80</);
    expect(status('http://example.test:8080http://example.test:8080/app/')).toBe('400');
  });
});

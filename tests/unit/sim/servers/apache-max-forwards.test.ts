import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../src/sim/index.ts';

/** A request to the application with the given Max-Forwards lines. */
const request = (fields: string[], method = 'GET') =>
  new TextEncoder().encode(
    `${method} /app/ HTTP/1.1\r\nHost: example.test\r\n${fields.map((value) => `Max-Forwards: ${value}\r\n`).join('')}\r\n`,
  );
const answer = (fields: string[], method?: string) =>
  runPipeline('apache-fastcgi-flup', request(fields, method)).response.raw;

describe("mod_proxy's Max-Forwards (proxy_handler; captured: cases 154–160)", () => {
  it('refuses zero, and an empty value (apr_strtoi64 reads no digits as 0), with its Proxy Error page', () => {
    for (const value of ['0', '', '+0']) {
      expect(answer([value]), value).toMatch(/^HTTP\/1\.1 400 Proxy Error\r\n/);
      expect(answer([value]), value).toContain('Reason: <strong>Max-Forwards has reached zero - proxy loop?</strong>');
    }
  });

  it('refuses what apr_strtoi64 leaves unread, a negative value and an overflow', () => {
    for (const fields of [['x1'], ['1x'], ['-1'], ['99999999999999999999'], ['1', '2']]) {
      expect(answer(fields), fields.join('|')).toContain('Max-Forwards request header could not be parsed');
    }
  });

  it('answers OPTIONS at zero itself, and passes any other value on one lower', () => {
    expect(answer(['0'], 'OPTIONS')).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*Allow: \r\nContent-Length: 0\r\n/);
    const trace = runPipeline('apache-fastcgi-flup', request(['+5']));
    expect(trace.response.raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(JSON.stringify(trace.hops[1])).toContain('"HTTP_MAX_FORWARDS","4"');
  });

  it('is mod_proxy’s alone: nginx and mod_cgid pass the field as sent', () => {
    expect(runPipeline('nginx-fastcgi-flup', request(['0'])).response.raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(runPipeline('apache-cgi', request(['0'])).response.raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });
});

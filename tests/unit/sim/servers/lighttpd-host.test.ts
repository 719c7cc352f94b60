import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../src/sim/index.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { lighttpdHostValid } from '../../../../src/sim/servers/lighttpd/lighttpd-host.ts';

function status(pipeline: string, raw: string): string {
  return runPipeline(pipeline, fromLatin1(raw), { app: 'dump' }).response.raw.split('\r\n', 1)[0] ?? '';
}

function cgiEnv(raw: string): Map<string, string> {
  const hop = runPipeline('lighttpd-cgi', fromLatin1(raw), { app: 'dump' }).hops.find((h) => h.protocol === 'cgi');
  return new Map(hop && 'cgi' in hop ? hop.cgi.env : []);
}

const get = (target: string, ...headers: string[]) =>
  `GET ${target} HTTP/1.1\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`;

describe('lighttpd and absolute-form targets', () => {
  it('accepts the target when Host is absent or equal to its authority, ignoring case', () => {
    expect(status('lighttpd-cgi', get('http://example.test/app/x'))).toBe('HTTP/1.1 200 OK');
    expect(status('lighttpd-cgi', get('http://example.test/app/x', 'Host: example.test'))).toBe('HTTP/1.1 200 OK');
    expect(status('lighttpd-cgi', get('HTTP://Example.TEST/app/x', 'Host: EXAMPLE.test'))).toBe('HTTP/1.1 200 OK');
    expect(status('lighttpd-cgi', get('https://example.test/app/x', 'Host: example.test'))).toBe('HTTP/1.1 200 OK');
  });

  it('refuses a Host that names another host or port', () => {
    expect(status('lighttpd-cgi', get('http://example.test/app/x', 'Host: other.test'))).toBe(
      'HTTP/1.1 400 Bad Request',
    );
    expect(status('lighttpd-cgi', get('http://example.test:8080/app/x', 'Host: example.test'))).toBe(
      'HTTP/1.1 400 Bad Request',
    );
    expect(status('lighttpd-cgi', get('http://example.test./app/x', 'Host: example.test'))).toBe(
      'HTTP/1.1 400 Bad Request',
    );
  });

  it('refuses other schemes, an empty authority, no path, and a user part', () => {
    for (const target of ['ftp://example.test/app/x', 'http:///app/x', 'http://example.test', 'http://u@example.test/'])
      expect(status('lighttpd-static', get(target))).toBe('HTTP/1.1 400 Bad Request');
  });

  it('hands on the lower-cased authority as HTTP_HOST and the path as REQUEST_URI', () => {
    const env = cgiEnv(get('http://EXAMPLE.test/app/x?y=1', 'Host: example.test'));
    expect(env.get('HTTP_HOST')).toBe('example.test');
    expect(env.get('SERVER_NAME')).toBe('example.test');
    expect(env.get('REQUEST_URI')).toBe('/app/x?y=1');
  });

  it('normalises the host it hands on: lower case, no trailing dot, no port 80, no empty port', () => {
    for (const [sent, host] of [
      ['Example.Test.:80', 'example.test'],
      ['example.test:', 'example.test'],
      ['example.test:8080', 'example.test:8080'],
      ['[::1]:80', '[::1]'],
    ]) {
      const env = cgiEnv(get('/app/x', `Host: ${sent}`));
      expect(env.get('HTTP_HOST'), sent).toBe(host);
    }
    expect(cgiEnv(get('http://example.test.:80/app/x')).get('SERVER_NAME')).toBe('example.test');
    expect(status('lighttpd-cgi', get('/app/x', 'Host: example.test:0'))).toBe('HTTP/1.1 400 Bad Request');
  });

  it('checks host names as host-strict does', () => {
    for (const host of ['example.test', 'example.test.', 'a-b.example:80', '127.0.0.1', '[::1]:8080', 'x'])
      expect(lighttpdHostValid(host), host).toBe(true);
    for (const host of [
      '',
      'exa_mple.test',
      '-a.test',
      'a..test',
      'a..',
      'a.test:0',
      'a.test:65536',
      'user@example.test',
      '1.2.3',
      '[::1',
      'a.test:8x',
    ])
      expect(lighttpdHostValid(host), host).toBe(false);
  });
});

describe('lighttpd and raw spaces in the target', () => {
  it('keeps spaces between the method and the version and encodes them', () => {
    const env = cgiEnv(get('/app/a b?q=x y', 'Host: example.test'));
    expect(env.get('PATH_INFO')).toBe('/a b');
    expect(env.get('QUERY_STRING')).toBe('q=x%20y');
    expect(env.get('REQUEST_URI')).toBe('/app/a b?q=x y');
  });

  it('refuses a tab, and a space right after the method', () => {
    expect(status('lighttpd-cgi', get('/app/a\tb', 'Host: example.test'))).toBe('HTTP/1.1 400 Bad Request');
    expect(status('lighttpd-cgi', get(' /app/x', 'Host: example.test'))).toBe('HTTP/1.1 400 Bad Request');
  });
});

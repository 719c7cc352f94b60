import { describe, expect, it } from 'vitest';
import { apacheHost } from '../../../../src/sim/servers/apache/apache-host.ts';
import { nginxValidHost } from '../../../../src/sim/servers/nginx/nginx-host.ts';
import { lighttpdHostValid } from '../../../../src/sim/servers/lighttpd/lighttpd-host.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

const get = (host: string, version = 'HTTP/1.1') =>
  fromLatin1(`GET /app/host ${version}\r\nHost: ${host}\r\nUser-Agent: curl/7.88.1\r\n\r\n`);
const status = (pipeline: string, request: Uint8Array) =>
  /^HTTP\/1\.[01] (\d{3})/.exec(runPipeline(pipeline, request).response.raw)?.[1];

describe("Apache's fix_hostname", () => {
  it('splits the port at the last colon and writes it as a number', () => {
    expect(apacheHost('EXAMPLE.test.:0080')).toEqual({ kind: 'host', name: 'example.test', port: '80', ipv6: false });
    expect(apacheHost('[::1]:8080')).toEqual({ kind: 'host', name: '::1', port: '8080', ipv6: true });
    // apr_parse_addr_port succeeds (port 1), then the name with its colon fails: the port is kept for the page.
    expect(apacheHost('example.test:8080:1')).toEqual({ kind: 'invalid', port: '1' });
  });
  it('refuses what HttpProtocolOptions Strict refuses, and takes an empty value for none', () => {
    for (const bad of ['example.test:', 'example.test:abc', 'example.test:0', 'ex ample.test', 'caf\xe9.test'])
      expect(apacheHost(bad)).toEqual({ kind: 'invalid', port: null });
    for (const bad of ['8080', '1.2.3', '127.0.0.01', 'example.123', 'x..y', 'example.test/x', '[::1'])
      expect(apacheHost(bad)?.kind).toBe('invalid');
    expect(apacheHost('a_b.test')?.kind).toBe('host');
    expect(apacheHost('127.0.0.1')?.kind).toBe('host');
    expect(apacheHost('')).toBeNull();
  });
  it('names an IPv6 host in brackets in SERVER_NAME and without them in the signature', () => {
    const raw = runPipeline('apache-static', get('[::1]:8080')).response.raw;
    expect(raw).toContain('Server at ::1 Port 8080');
  });
});

describe("nginx's ngx_http_validate_host", () => {
  it('drops everything from the first colon, a trailing dot, and lowers ASCII only', () => {
    expect(nginxValidHost('EXAMPLE.test.:abc')).toBe('example.test');
    expect(nginxValidHost('[::1]:8080')).toBe('[::1]');
    expect(nginxValidHost('CAF\xc9.test')).toBe('caf\xc9.test');
  });
  it('refuses empty values, spaces, slashes and two dots in a row', () => {
    for (const bad of ['', 'ex ample.test', 'example.test/x', 'x..y', '.', 'ex\tample'])
      expect(nginxValidHost(bad)).toBeNull();
  });
});

describe('lighttpd', () => {
  it('refuses a port with a leading zero and treats an empty Host as none', () => {
    expect(lighttpdHostValid('example.test:0080')).toBe(false);
    expect(lighttpdHostValid('example.test:80')).toBe(true);
    expect(status('lighttpd-static', get('', 'HTTP/1.0'))).toBe('404');
    expect(status('lighttpd-static', get(''))).toBe('400');
  });
});

describe("lighttpd's Expect", () => {
  it('is removed where a body is read and passed on without one', () => {
    const env = (request: string) => JSON.stringify(runPipeline('lighttpd-cgi', fromLatin1(request)));
    const head = 'Host: example.test\r\nExpect: 100-continue\r\n';
    expect(env(`GET /app/ HTTP/1.1\r\n${head}\r\n`)).toContain('HTTP_EXPECT');
    expect(env(`POST /app/ HTTP/1.1\r\n${head}Content-Length: 2\r\n\r\nab`)).not.toContain('HTTP_EXPECT');
  });
});

describe('an empty Host on HTTP/1.1 and 1.0 (captured: 95)', () => {
  it('is 400 for Apache on 1.1 only, for nginx on both', () => {
    expect(status('apache-static', get(''))).toBe('400');
    expect(status('apache-static', get('', 'HTTP/1.0'))).toBe('404');
    expect(status('nginx-static', get('', 'HTTP/1.0'))).toBe('400');
    expect(status('wsgiref', get(''))).toBe('200');
  });
});

describe('two Host fields', () => {
  const twoHosts = fromLatin1('GET /app/ HTTP/1.1\r\nHost: example.test\r\nhost: other.test\r\n\r\n');
  it('are refused by the front servers and served by the Python servers', () => {
    for (const pipeline of ['apache-static', 'nginx-static', 'lighttpd-static', 'nginx-gunicorn'])
      expect(status(pipeline, twoHosts)).toBe('400');
    for (const pipeline of ['wsgiref', 'werkzeug', 'cherrypy']) expect(status(pipeline, twoHosts)).toBe('200');
  });
  it('reach the application as http.server joins them, or as Cheroot keeps the last', () => {
    const host = (pipeline: string) =>
      runPipeline(pipeline, twoHosts)
        .hops.flatMap((hop) => (hop.wsgi ? hop.wsgi.environ : []))
        .find(([name]) => name === 'HTTP_HOST')?.[1];
    expect(host('cherrypy')).toBe('other.test');
    expect(host('wsgiref')).toBe('example.test,other.test');
  });
});

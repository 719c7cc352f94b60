import { describe, expect, it } from 'vitest';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

const get = (fields: string, version = 'HTTP/1.1') =>
  fromLatin1(`GET /app/ ${version}\r\nHost: example.test\r\n${fields}\r\n`);
const trace = (pipeline: string, bytes: Uint8Array) => runPipeline(pipeline, bytes, { app: 'dump', cgiScript: 'dump' });

describe('X-Forwarded-Proto behind nginx (captured: case 128)', () => {
  it("becomes uWSGI's wsgi.url_scheme as sent; X-Forwarded-Ssl: on gives https", () => {
    const scheme = (fields: string) => JSON.stringify(trace('nginx-uwsgi', get(fields)));
    expect(scheme('X-Forwarded-Proto: ftp\r\n')).toContain('["wsgi.url_scheme","ftp"]');
    expect(scheme('X-Forwarded-Ssl: on\r\n')).toContain('["wsgi.url_scheme","https"]');
    expect(scheme('X-Forwarded-Ssl: off\r\n')).toContain('["wsgi.url_scheme","http"]');
    expect(scheme('X-Forwarded-Ssl: 1\r\n')).toContain('["wsgi.url_scheme","https"]');
    expect(scheme('')).toContain('["wsgi.url_scheme","http"]');
  });

  it("becomes Uvicorn's scope scheme, stripped", () => {
    expect(JSON.stringify(trace('nginx-uvicorn', get('X-Forwarded-Proto:  HTTPS \r\n')))).toContain(`"'HTTPS'"`);
    expect(JSON.stringify(trace('nginx-uvicorn', get('')))).toContain(`["scheme","'http'"]`);
  });
});

describe("Apache's Keep-Alive pair (captured: cases 48, 128)", () => {
  it('follows the keep-alive token, whatever the version', () => {
    const pair = 'Keep-Alive: timeout=5, max=100\r\nConnection: Keep-Alive\r\n';
    expect(trace('apache-modwsgi-embedded', get('Connection: keep-alive\r\n')).response.raw).toContain(pair);
    expect(trace('apache-cgi', get('Connection: Foo, Keep-Alive\r\n')).response.raw).toContain(pair);
    expect(trace('apache-cgi', get('')).response.raw).not.toContain('Keep-Alive');
    expect(trace('apache-cgi', get('', 'HTTP/1.0')).response.raw).toContain('Connection: close');
  });
});

describe('100 Continue from the Python servers (captured: case 129)', () => {
  it('Werkzeug and Cheroot answer it on HTTP/1.0 too; Cheroot only for the exact value', () => {
    const post = (expectValue: string) =>
      fromLatin1(`POST /app/ HTTP/1.0\r\nExpect: ${expectValue}\r\nContent-Length: 1\r\n\r\na`);
    expect(trace('werkzeug', post('100-Continue')).response.raw).toMatch(
      /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.0 200/,
    );
    expect(trace('cherrypy', post('100-continue')).response.raw).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
    expect(trace('cherrypy', post('100-Continue')).response.raw).toMatch(/^HTTP\/1\.1 200/);
    expect(trace('wsgiref', post('100-continue')).response.raw).toMatch(/^HTTP\/1\.0 200/);
  });
});

describe('variable names and streamed bodies (variant runs)', () => {
  it("lighttpd turns every character of a name but letters and digits into '_'", () => {
    const env = JSON.stringify(trace('lighttpd-cgi', get('X-Dot.Name: 1\r\n')));
    expect(env).toContain('["HTTP_X_DOT_NAME","1"]');
    expect(JSON.stringify(trace('apache-cgi', get('X-Dot.Name: 1\r\n')))).not.toContain('HTTP_X_DOT_NAME');
  });

  it('mod_proxy_fcgi streams a long chunked body with its Transfer-Encoding and no CONTENT_LENGTH', () => {
    const post = (size: number) =>
      JSON.stringify(
        trace(
          'apache-fastcgi-flup',
          fromLatin1(
            `POST /app/ HTTP/1.1\r\nHost: example.test\r\nTransfer-Encoding: chunked\r\n\r\n${size.toString(16)}\r\n${'a'.repeat(size)}\r\n0\r\n\r\n`,
          ),
        ).hops.find((hop) => hop.protocol === 'fastcgi'),
      );
    expect(post(16300)).toContain('["CONTENT_LENGTH","16300"]');
    expect(post(16300)).not.toContain('HTTP_TRANSFER_ENCODING');
    expect(post(20000)).toContain('["HTTP_TRANSFER_ENCODING","chunked"]');
    expect(post(20000)).not.toContain('CONTENT_LENGTH');
  });
});

import { describe, expect, it } from 'vitest';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';
import { apacheDefaultHandler, apacheTypeOf } from '../../../../src/sim/servers/apache/apache-methods.ts';

const request = (method: string, target: string, extra = '') =>
  fromLatin1(`${method} ${target} HTTP/1.1\r\nHost: example.test\r\n${extra}\r\n`);
const answer = (pipeline: string, bytes: Uint8Array) => runPipeline(pipeline, bytes).response.raw;
const status = (pipeline: string, bytes: Uint8Array) => /^HTTP\/1\.[01] (\d{3})/.exec(answer(pipeline, bytes))?.[1];

describe("Apache's default handler (captured: 120, 121, 125)", () => {
  it('reads the file for GET, HEAD and POST; 501 for an unregistered method; 405 for a registered one', () => {
    expect(['GET', 'HEAD', 'POST'].map(apacheDefaultHandler)).toEqual(['file', 'file', 'file']);
    expect(['FROB', 'Get', 'M-SEARCH', 'SEARCH'].map(apacheDefaultHandler)).toEqual(Array(4).fill('not-implemented'));
    expect(['DELETE', 'PUT', 'PATCH', 'PROPFIND', 'MERGE'].map(apacheDefaultHandler)).toEqual(
      Array(5).fill('not-allowed'),
    );
    expect(apacheDefaultHandler('OPTIONS')).toBe('options');
  });

  it('answers 405 whether the file is there or not, and keeps the connection', () => {
    for (const target of ['/static/hello.txt', '/static/nope.txt', '/'])
      expect(status('apache-static', request('DELETE', target))).toBe('405');
    const page = answer('apache-static', request('DELETE', '/static/hello.txt'));
    expect(page).toContain('The requested method DELETE is not allowed for this URL.');
    expect(page).not.toContain('Connection: close');
    expect(answer('apache-static', request('FROB', '/static/hello.txt'))).toContain('Connection: close');
  });

  it("answers OPTIONS with the Allow list and mod_mime's type of the URL", () => {
    expect(apacheTypeOf('/static/nope.txt', false)).toBe('text/plain');
    expect(apacheTypeOf('/static/a.txt.bak', false)).toBe('text/plain');
    expect(apacheTypeOf('/app/', false)).toBeNull();
    expect(apacheTypeOf('/', true)).toBe('httpd/unix-directory');
    const options = answer('apache-static', request('OPTIONS', '/static/hello.txt'));
    expect(options).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*Allow: GET,HEAD,OPTIONS,POST\r\nContent-Length: 0\r\n/);
    expect(options).toMatch(/Content-Type: text\/plain\r\n\r\n$/);
  });

  it("turns an internal redirect into a GET (mod_cgid), so a PUT's redirect serves the file", () => {
    const put = fromLatin1('PUT /app/local-redirect HTTP/1.1\r\nHost: example.test\r\nContent-Length: 1\r\n\r\na');
    expect(runPipeline('apache-cgi', put, { app: 'dump', cgiScript: 'dump' }).response.raw).toMatch(
      /^HTTP\/1\.1 200 OK[^]*Hello from a static file\n$/,
    );
  });

  it('refuses CONNECT with a path with 400', () => {
    expect(status('apache-modwsgi-daemon', request('CONNECT', '/app/'))).toBe('400');
  });
});

describe("nginx's static handler (captured: 120–122)", () => {
  it('refuses any method but GET, HEAD and POST with 405 once try_files found a file or a directory', () => {
    for (const method of ['DELETE', 'OPTIONS', 'PROPFIND', 'FROB', 'M-SEARCH'])
      expect(status('nginx-static', request(method, '/static/hello.txt'))).toBe('405');
    expect(status('nginx-static', request('DELETE', '/'))).toBe('405');
    expect(status('nginx-static', request('DELETE', '/static/nope.txt'))).toBe('404');
    expect(answer('nginx-static', request('DELETE', '/static/hello.txt'))).toContain('Connection: keep-alive');
  });

  it('takes a dash in a method, passes it to the application, and refuses CONNECT with 405, closing', () => {
    expect(status('nginx-uwsgi', request('M-SEARCH', '/app/'))).toBe('200');
    expect(status('nginx-uwsgi', request('M.SEARCH', '/app/'))).toBe('400');
    expect(answer('nginx-gunicorn', request('CONNECT', '/app/'))).toMatch(/^HTTP\/1\.1 405 [^]*Connection: close/);
  });
});

describe('lighttpd (captured: 120, 121, 123, 124)', () => {
  it('answers 501 for a method no module takes, 200 with Allow for OPTIONS, once the path is found', () => {
    expect(status('lighttpd-static', request('DELETE', '/static/hello.txt'))).toBe('501');
    expect(answer('lighttpd-static', request('DELETE', '/static/hello.txt'))).not.toContain('Connection: close');
    const withBody = fromLatin1(
      'DELETE /static/hello.txt HTTP/1.1\r\nHost: example.test\r\nContent-Length: 1\r\n\r\na',
    );
    expect(answer('lighttpd-static', withBody)).toMatch(/^HTTP\/1\.1 501 [^]*Connection: close/);
    expect(status('lighttpd-static', request('DELETE', '/static/nope.txt'))).toBe('404');
    expect(answer('lighttpd-static', request('OPTIONS', '/'))).toContain('Allow: GET, HEAD, OPTIONS, POST');
    expect(status('lighttpd-cgi', request('CONNECT', '/static/nope.txt'))).toBe('405');
  });

  it('refuses an unknown method with 501 before it reads the header section', () => {
    expect(status('lighttpd-cgi', request('G@T', '/app/'))).toBe('501');
    expect(status('lighttpd-cgi', request('get', '/app/', 'Content-Length: +5\r\n'))).toBe('501');
    expect(status('lighttpd-cgi', request('GET', '/app/', 'Content-Length: +5\r\n'))).toBe('400');
  });
});

describe('the Python servers (captured: 122–124)', () => {
  it('http.server takes any method; Cheroot refuses lower case only', () => {
    expect(status('wsgiref', request('G@T', '/app/'))).toBe('200');
    expect(status('cherrypy', request('G@T', '/app/'))).toBe('200');
    expect(status('cherrypy', request('M-SEARCH', '/app/'))).toBe('200');
    expect(status('cherrypy', request('get', '/app/', 'X: 1\r\n folded\r\n'))).toBe('400');
    expect(answer('cherrypy', request('get', '/app/', 'X: 1\r\n folded\r\n'))).toContain('Malformed method name');
  });
});

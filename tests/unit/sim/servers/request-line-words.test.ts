import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../src/sim/index.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';

function answer(pipeline: string, raw: string): string {
  return runPipeline(pipeline, fromLatin1(raw), { app: 'dump' }).response.raw;
}

function environ(pipeline: string, raw: string): Map<string, string> {
  const hop = runPipeline(pipeline, fromLatin1(raw), { app: 'dump' }).hops.find(
    (h) => h.protocol === 'wsgi' && h.direction === 'request',
  );
  return new Map(hop && 'wsgi' in hop ? hop.wsgi.environ : []);
}

const request = (target: string) => `GET ${target} HTTP/1.1\r\nHost: example.test\r\n\r\n`;

describe("Python's http.server: the request line split at whitespace", () => {
  it('answers more than three words with the request line quoted in the status line and the page', () => {
    for (const pipeline of ['wsgiref', 'werkzeug']) {
      const raw = answer(pipeline, request('/app/a\tb'));
      expect(raw.split('\r\n', 1)[0]).toBe("HTTP/1.0 400 Bad request syntax ('GET /app/a\\tb HTTP/1.1')");
      expect(raw).toContain("<p>Message: Bad request syntax ('GET /app/a\\tb HTTP/1.1').</p>");
    }
  });

  it('takes three words whatever whitespace separates them', () => {
    for (const line of ['GET /app/x  HTTP/1.1', 'GET\t/app/x\tHTTP/1.1', ' GET  /app/x HTTP/1.1 ']) {
      const env = environ('wsgiref', `${line}\r\nHost: example.test\r\n\r\n`);
      expect(env.get('PATH_INFO'), line).toBe('/app/x');
      expect(env.get('SERVER_PROTOCOL'), line).toBe('HTTP/1.1');
    }
  });

  it('names Python, not CPython, in the Server header of wsgiref’s own error page', () => {
    expect(answer('wsgiref', request('/app/a b'))).toContain('\r\nServer: WSGIServer/0.2 Python/3.11.2\r\n');
  });

  it('reduces leading slashes to one before building PATH_INFO', () => {
    expect(environ('wsgiref', request('//app//x')).get('PATH_INFO')).toBe('/app//x');
    expect(environ('werkzeug', request('///app//x')).get('RAW_URI')).toBe('/app//x');
    expect(environ('werkzeug', request('/app//x')).get('PATH_INFO')).toBe('/app//x');
  });
});

describe('Cheroot: the request line split at the first two spaces', () => {
  it('reads what follows a space in the target as the protocol', () => {
    expect(answer('cherrypy', request('/app/a b'))).toMatch(
      /400 Bad Request[^]*\r\n\r\nMalformed Request-Line: bad protocol$/,
    );
  });

  it('checks the protocol before the target, so an extra space anywhere is a bad protocol', () => {
    for (const line of ['GET  /app/x HTTP/1.1', 'GET /app/x  HTTP/1.1'])
      expect(answer('cherrypy', `${line}\r\nHost: example.test\r\n\r\n`), line).toMatch(
        /\r\n\r\nMalformed Request-Line: bad protocol$/,
      );
    expect(answer('cherrypy', 'GET /app/x HTTP/1.1 x\r\nHost: example.test\r\n\r\n')).toMatch(
      /\r\n\r\nMalformed Request-Line$/,
    );
  });

  it('keeps a tab in the target, and urlsplit drops it from PATH_INFO', () => {
    const env = environ('cherrypy', request('/app/a\tb?q=1\t2'));
    expect(env.get('PATH_INFO')).toBe('/app/ab');
    expect(env.get('QUERY_STRING')).toBe('q=12');
    expect(env.get('REQUEST_URI')).toBe('/app/a\tb?q=1\t2');
  });

  it('refuses a target starting with // as an absolute URI, but not a // further on', () => {
    expect(answer('cherrypy', request('//app/x'))).toMatch(/Absolute URI not allowed if server is not a proxy\.$/);
    expect(environ('cherrypy', request('/app//x')).get('PATH_INFO')).toBe('/app//x');
  });
});

describe('Apache: Host after the target', () => {
  it('lower-cases the host of an absolute-form target into HTTP_HOST, keeping the port', () => {
    const hop = runPipeline('apache-cgi', fromLatin1(request('http://EXAMPLE.test:8080/app/x')), {
      app: 'dump',
    }).hops.find((h) => h.protocol === 'cgi' && h.direction === 'request');
    expect(new Map(hop && 'cgi' in hop ? hop.cgi.env : []).get('HTTP_HOST')).toBe('example.test:8080');
  });

  it('still wants a Host header in HTTP/1.1, and names the target’s host on its error page', () => {
    const raw = answer('apache-static', 'GET http://example.test/x HTTP/1.1\r\n\r\n');
    expect(raw.split('\r\n', 1)[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(raw).toContain('Server at example.test Port 8080');
  });

  it('merges slashes before deciding the request goes to the application', () => {
    expect(answer('apache-cgi', request('//app//x')).split('\r\n', 1)[0]).toBe('HTTP/1.1 200 OK');
  });
});

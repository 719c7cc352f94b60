import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../src/sim/index.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';

function answer(pipeline: string, raw: string): string {
  return runPipeline(pipeline, fromLatin1(raw), { app: 'dump' }).response.raw;
}

const statusLine = (raw: string): string => raw.split('\r\n', 1)[0] ?? '';

describe('Cheroot checks the request line before it reads the header section', () => {
  it('answers a target that is no path before an obs-fold line', () => {
    const raw = answer('cherrypy', 'GET * HTTP/1.1\r\nHost: example.test\r\nAccept: a\r\n  b\r\n\r\n');
    expect(raw).toContain('Invalid path in Request-URI');
  });

  it('keeps the header section’s error for an origin-form target', () => {
    expect(answer('cherrypy', 'GET /app/ HTTP/1.1\r\nHost: example.test\r\nAccept: a\r\n  b\r\n\r\n')).toContain(
      'Illegal header line.',
    );
  });

  it('answers HTTP/0.9 with an empty 505 once the target was checked', () => {
    const raw = answer('cherrypy', 'GET /app/ HTTP/0.9\r\nHost: example.test\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 505 HTTP Version Not Supported\r\nContent-Length: 0\r\n/);
    expect(answer('cherrypy', 'GET * HTTP/0.9\r\nHost: example.test\r\n\r\n')).toContain('Invalid path');
  });
});

describe("Python's http.server and the request line's version", () => {
  it('sends no status line for a version it refuses or for HTTP/0.9', () => {
    for (const pipeline of ['wsgiref', 'werkzeug']) {
      expect(answer(pipeline, 'GET /app/ HTTP/1.1x\r\nHost: example.test\r\n\r\n')).toMatch(
        /^<!DOCTYPE HTML>[^]*Bad request version \('HTTP\/1\.1x'\)/,
      );
      expect(answer(pipeline, 'GET /app/ HTTP/3.0\r\n\r\n')).toContain('Invalid HTTP version (3.0)');
      expect(answer(pipeline, 'GET /app/ HTTP/0.9\r\nHost: example.test\r\n\r\n')).toBe('Hello from the app\n');
      expect(statusLine(answer(pipeline, 'GET /app/ HTTP/01.1\r\nHost: example.test\r\n\r\n'))).toBe('HTTP/1.0 200 OK');
    }
  });

  it('closes without a word on an empty first line', () => {
    const trace = runPipeline('wsgiref', fromLatin1('\r\nGET /app/ HTTP/1.1\r\nHost: example.test\r\n\r\n'));
    expect(trace.response.raw).toBe('');
    expect(trace.hops.at(-1)?.changes[0]?.message.id).toBe('change.closedWithoutAnswer');
  });
});

describe('a HEAD request refused in its request line', () => {
  it('gets the error page’s header block alone once the server has read the method', () => {
    const refused = (pipeline: string, line: string): string =>
      answer(pipeline, `${line}\r\nHost: example.test\r\n\r\n`);
    expect(refused('nginx-static', 'HEAD  /app/  HTTP/2')).toMatch(/ 505 [^]*\r\n\r\n$/);
    expect(refused('apache-static', 'HEAD /app/ HTTP/2')).toMatch(/ 400 [^]*\r\n\r\n$/);
    expect(refused('apache-static', 'HEAD /app/ HTTP/2')).not.toContain('Content-Length');
    expect(refused('apache-static', 'HEAD\t/app/\tHTTP/1.1')).toMatch(/ 400 [^]*\r\n\r\n$/);
    // lighttpd reads the version first: the method of a line refused for it is not known yet.
    expect(refused('lighttpd-static', 'HEAD  /app/  HTTP/1.1')).toMatch(/ 400 [^]*\r\n\r\n$/);
    expect(refused('lighttpd-static', 'HEAD /app/ HTTP/2')).toMatch(/<\/html>\n$/);
  });
});

describe('nginx and lighttpd on separators and versions', () => {
  it('nginx takes runs of spaces and any HTTP/1.x, chunking for 1.1 and later', () => {
    const raw = answer('nginx-fastcgi-flup', 'GET  /app/  HTTP/1.10\r\nHost: example.test\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*Transfer-Encoding: chunked\r\n/);
    expect(statusLine(answer('nginx-static', 'GET /app/ HTTP/2\r\nHost: example.test\r\n\r\n'))).toBe(
      'HTTP/1.1 505 HTTP Version Not Supported',
    );
    // Left to right: a target that is no path fails before a later version is read.
    expect(statusLine(answer('nginx-static', 'GET example.test:8080 HTTP/9.9\r\nHost: example.test\r\n\r\n'))).toBe(
      'HTTP/1.1 400 Bad Request',
    );
    expect(statusLine(answer('nginx-static', 'GET\t/app/\tHTTP/1.1\r\nHost: example.test\r\n\r\n'))).toBe(
      'HTTP/1.1 400 Bad Request',
    );
  });

  it('lighttpd answers in HTTP/1.0 until it has read a version', () => {
    expect(statusLine(answer('lighttpd-static', 'GET\t/app/\tHTTP/1.1\r\nHost: example.test\r\n\r\n'))).toBe(
      'HTTP/1.0 400 Bad Request',
    );
    expect(statusLine(answer('lighttpd-static', 'GET /app/ HTTP/1\r\nHost: example.test\r\n\r\n'))).toBe(
      'HTTP/1.0 505 HTTP Version Not Supported',
    );
    expect(statusLine(answer('lighttpd-static', 'GET /app/ HTTP/1.1\r\nHost: example.test\nX: 1\r\n\r\n'))).toBe(
      'HTTP/1.1 400 Bad Request',
    );
    expect(statusLine(answer('lighttpd-static', '\r\nGET /app/ HTTP/1.1\r\nHost: example.test\r\n\r\n'))).toBe(
      'HTTP/1.0 400 Bad Request',
    );
  });
});

describe('Host on versions after 1.1', () => {
  it('is required by Apache and nginx for any version from 1.1 on', () => {
    for (const pipeline of ['apache-cgi', 'nginx-fastcgi-flup'])
      for (const version of ['HTTP/1.2', 'HTTP/1.10'])
        expect(statusLine(answer(pipeline, `GET /app/ ${version}\r\n\r\n`)), `${pipeline} ${version}`).toMatch(/ 400 /);
    expect(statusLine(answer('apache-cgi', 'GET /app/ HTTP/1.0\r\n\r\n'))).toBe('HTTP/1.1 200 OK');
  });
});

describe('nginx and an absolute-form target', () => {
  const get = (target: string) => `GET ${target} HTTP/1.1\r\nHost: example.test\r\n\r\n`;
  const param = (pipeline: string, target: string, name: string): string | undefined => {
    const pairs = runPipeline(pipeline, fromLatin1(get(target)), { app: 'dump' }).hops.flatMap((hop) =>
      'fastcgi' in hop
        ? hop.fastcgi.records.flatMap((record) => record.params ?? [])
        : 'uwsgi' in hop
          ? hop.uwsgi.vars
          : [],
    );
    return pairs.find(([key]) => key === name)?.[1];
  };

  it('keeps the fragment in REQUEST_URI, from the character after the authority', () => {
    for (const pipeline of ['nginx-fastcgi-php', 'nginx-fastcgi-flup', 'nginx-uwsgi']) {
      expect(param(pipeline, 'http://example.test/app/x?q=1#f', 'REQUEST_URI'), pipeline).toBe('/app/x?q=1#f');
      expect(param(pipeline, 'HTTP://Example.TEST:8080/app/#', 'REQUEST_URI'), pipeline).toBe('/app/#');
      expect(param(pipeline, '/app/x#f', 'REQUEST_URI'), pipeline).toBe('/app/x#f');
    }
  });

  it('refuses anything but the path, the query or the end after the host and port, before the version', () => {
    for (const target of [
      'http://example.test#a',
      'http://example.test:8080#a',
      'http://a_b.test/app/',
      'http://u@h/app/',
    ])
      expect(statusLine(answer('nginx-static', get(target))), target).toBe('HTTP/1.1 400 Bad Request');
    expect(statusLine(answer('nginx-static', 'GET http://a_b.test/ HTTP/2.0\r\n\r\n'))).toBe(
      'HTTP/1.1 400 Bad Request',
    );
    for (const target of ['http://[::1]/app/x#y', 'http://example.test:/app/'])
      expect(statusLine(answer('nginx-uwsgi', get(target))), target).toBe('HTTP/1.1 200 OK');
    // ngx_http_validate_host on the target's host: `.`, `a..b` and an empty host are 400, one trailing dot is not.
    for (const target of ['https://./example.test/app/', 'http://ex..ample/app/', 'http:///app/'])
      expect(statusLine(answer('nginx-gunicorn', get(target))), target).toBe('HTTP/1.1 400 Bad Request');
    expect(statusLine(answer('nginx-gunicorn', get('http://example.test./app/')))).toBe('HTTP/1.1 200 OK');
    // The query straight after the host: the path is `/`, a directory without an index file.
    expect(statusLine(answer('nginx-uwsgi', get('http://example.test?x=1')))).toBe('HTTP/1.1 403 Forbidden');
  });
});

describe('nginx validates Host as soon as it reads the line', () => {
  const large = `X-Large: ${'a'.repeat(8200)}\r\n`;
  it('before a later line over large_client_header_buffers, not after an earlier one', () => {
    const hostFirst = answer('nginx-static', `GET /app/ HTTP/1.1\r\nHost: \r\n${large}\r\n`);
    expect(hostFirst).toContain('<title>400 Bad Request</title>');
    const largeFirst = answer('nginx-static', `GET /app/ HTTP/1.1\r\n${large}Host: \r\n\r\n`);
    expect(largeFirst).toContain('<title>400 Request Header Or Cookie Too Large</title>');
  });

  it('before the Transfer-Encoding, wherever the coding comes', () => {
    for (const head of ['Transfer-Encoding: gzip\r\nHost: \r\n', 'Host: ex/ample\r\nTransfer-Encoding: gzip\r\n'])
      expect(statusLine(answer('nginx-uwsgi', `GET /app/ HTTP/1.1\r\n${head}\r\n`)), head).toBe(
        'HTTP/1.1 400 Bad Request',
      );
    expect(
      statusLine(answer('nginx-uwsgi', 'GET /app/ HTTP/1.1\r\nHost: example.test\r\nTransfer-Encoding: gzip\r\n\r\n')),
    ).toBe('HTTP/1.1 501 Not Implemented');
  });
});

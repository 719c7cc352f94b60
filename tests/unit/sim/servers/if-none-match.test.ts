import { describe, expect, it } from 'vitest';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

const request = (line: string, fields = '', body = '') =>
  fromLatin1(`${line}\r\nHost: example.test\r\nIf-None-Match: *\r\n${fields}\r\n${body}`);
const answer = (pipeline: string, bytes: Uint8Array, cgiScript: 'dump' | 'cgihandler' = 'dump') =>
  runPipeline(pipeline, bytes, { app: 'dump', cgiScript }).response.raw;
const status = (raw: string) => /^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1];

describe('If-None-Match: * (captured: cases 89, 142, 143)', () => {
  it('is 304 for a GET or HEAD of the static file on every server that serves one, with its validators only', () => {
    for (const pipeline of ['apache-static', 'nginx-static', 'lighttpd-static', 'werkzeug'])
      for (const method of ['GET', 'HEAD']) {
        const raw = answer(pipeline, request(`${method} /static/hello.txt HTTP/1.1`));
        expect(status(raw)).toBe('304');
        expect(raw).not.toMatch(/Content-Length|Accept-Ranges: bytes\r\nContent/);
        expect(raw.endsWith('\r\n\r\n')).toBe(true);
      }
    // Before the range: a Range request is 304 too.
    expect(status(answer('apache-static', request('GET /static/hello.txt HTTP/1.1', 'Range: bytes=0-3\r\n')))).toBe(
      '304',
    );
    // A missing file has no representation to match.
    expect(status(answer('apache-static', request('GET /static/nope.txt HTTP/1.1')))).toBe('404');
  });

  it('is 412 for a POST of the static file on Apache and lighttpd, 304 on Werkzeug whatever the method', () => {
    const post = request('POST /static/hello.txt HTTP/1.1', 'Content-Length: 1\r\n', 'a');
    const apache = answer('apache-static', post);
    expect(apache).toMatch(
      /^HTTP\/1\.1 412 Precondition Failed\r\n[^]*Content-Length: 0\r\nContent-Type: text\/plain\r\n\r\n$/,
    );
    expect(status(answer('lighttpd-static', post))).toBe('412');
    expect(status(answer('werkzeug', post))).toBe('304');
    expect(status(answer('werkzeug', request('DELETE /static/hello.txt HTTP/1.1')))).toBe('304');
  });

  it("answers 304 for Apache's CGI and FastCGI scripts only when they sent no Status field, to GET and HEAD", () => {
    expect(status(answer('apache-cgi', request('GET /app/ HTTP/1.1')))).toBe('304');
    expect(status(answer('apache-cgi', request('HEAD /app/ HTTP/1.1')))).toBe('304');
    expect(status(answer('apache-fastcgi-flup', request('GET /app/ HTTP/1.1')))).toBe('304');
    // wsgiref's CGIHandler writes `Status: 200 OK`: not checked.
    expect(status(answer('apache-cgi', request('GET /app/ HTTP/1.1'), 'cgihandler'))).toBe('200');
    expect(status(answer('apache-cgi', request('POST /app/ HTTP/1.1', 'Content-Length: 1\r\n', 'a')))).toBe('200');
    expect(status(answer('apache-cgi', request('GET /app/custom-status HTTP/1.1')))).toBe('404');
    // A redirect's Location stays on the 304.
    expect(answer('apache-cgi', request('GET /app/client-redirect HTTP/1.1'))).toMatch(
      /^HTTP\/1\.1 304 Not Modified\r\n[^]*Location: http:\/\/example\.test\/moved\r\n\r\n$/,
    );
    // The WSGI modules answer as the application did.
    for (const pipeline of ['apache-modwsgi-embedded', 'apache-modwsgi-daemon', 'apache-mod-python'])
      expect(status(answer(pipeline, request('GET /app/ HTTP/1.1')))).toBe('200');
  });
});

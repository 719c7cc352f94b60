import { describe, expect, it } from 'vitest';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

const APACHE_PIPELINES = [
  'apache-static',
  'apache-cgi',
  'apache-fastcgi-flup',
  'apache-modwsgi-embedded',
  'apache-modwsgi-daemon',
  'apache-mod-python',
];
const request = (line: string, fields: string, body = '') =>
  fromLatin1(`${line}\r\nHost: example.test\r\n${fields}\r\n${body}`);
const answer = (pipeline: string, bytes: Uint8Array) => runPipeline(pipeline, bytes, { app: 'dump' }).response.raw;
const head = (raw: string) => raw.split('\r\n\r\n')[0] ?? '';

describe('Apache and the Expect field (captured: cases 137–139)', () => {
  it('answers any expectation but 100-continue with 417 on every pipeline, quoting the merged, escaped value', () => {
    for (const pipeline of APACHE_PIPELINES) {
      const raw = answer(pipeline, request('GET /app/ HTTP/1.1', 'Expect: something-else\r\n'));
      expect(raw).toMatch(/^HTTP\/1\.1 417 Expectation Failed\r\n/);
      expect(raw).toContain('<pre>\n    Expect: something-else\n</pre>');
      expect(head(raw)).not.toContain('Connection:');
    }
    const merged = answer('apache-static', request('GET /app/ HTTP/1.1', 'Expect: 100-continue\r\nExpect: <a&b>"\r\n'));
    expect(merged).toContain('Expect: 100-continue, &lt;a&amp;b&gt;&quot;\n');
  });

  it('checks it after Host and before the method, the path and the target form; an empty one is none', () => {
    const status = (bytes: Uint8Array) => /^HTTP\/1\.1 (\d{3})/.exec(answer('apache-static', bytes))?.[1];
    expect(status(fromLatin1('GET /app/ HTTP/1.1\r\nExpect: x\r\n\r\n'))).toBe('400');
    for (const line of [
      'TRACE /app/ HTTP/1.1',
      'GET /app/%2F HTTP/1.1',
      'CONNECT example.test:80 HTTP/1.1',
      'OPTIONS * HTTP/1.1',
      'GET /../x HTTP/1.1',
    ])
      expect(status(request(line, 'Expect: x\r\n'))).toBe('417');
    expect(status(request('GET /static/hello.txt HTTP/1.1', 'Expect:\r\n'))).toBe('200');
    // Not a status that drops the connection: an HTTP/1.0 keep-alive client keeps it.
    expect(answer('apache-static', request('GET /app/ HTTP/1.0', 'Connection: keep-alive\r\nExpect: x\r\n'))).toContain(
      'Connection: Keep-Alive',
    );
  });

  it('closes the connection while the client still waits for 100 Continue, unless mod_wsgi embedded answered', () => {
    const get = request('GET /app/ HTTP/1.1', 'Expect: 100-Continue\r\n');
    for (const pipeline of APACHE_PIPELINES)
      expect(head(answer(pipeline, get)).includes('Connection: close')).toBe(pipeline !== 'apache-modwsgi-embedded');
    // The static file and a refused request close on every pipeline, mod_wsgi embedded too.
    expect(
      answer('apache-modwsgi-embedded', request('GET /static/hello.txt HTTP/1.1', 'Expect: 100-continue\r\n')),
    ).toContain('Connection: close');
    expect(answer('apache-static', request('TRACE /app/ HTTP/1.1', 'Expect: 100-continue\r\n'))).toContain(
      'Connection: close',
    );
  });

  it('keeps it once 100 Continue went out: a body read on HTTP/1.1, even an empty chunked one', () => {
    const post = request('POST /static/hello.txt HTTP/1.1', 'Expect: 100-continue\r\nContent-Length: 5\r\n', 'hello');
    const raw = answer('apache-static', post);
    expect(raw).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
    expect(head(raw.slice(raw.indexOf('HTTP/1.1 200')))).not.toContain('Connection: close');
    const empty = request(
      'POST /static/hello.txt HTTP/1.1',
      'Expect: 100-continue\r\nTransfer-Encoding: chunked\r\n',
      '0\r\n\r\n',
    );
    expect(answer('apache-static', empty)).toMatch(/^HTTP\/1\.1 100 Continue\r\n/);
    // HTTP/1.0 gets no 100 Continue, so the expectation is never met; mod_proxy_fcgi sends none either.
    const old = request(
      'POST /static/hello.txt HTTP/1.0',
      'Connection: keep-alive\r\nExpect: 100-continue\r\nContent-Length: 5\r\n',
      'hello',
    );
    expect(answer('apache-static', old)).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*Connection: close\r\n/);
    const proxied = request('POST /app/ HTTP/1.1', 'Expect: 100-continue\r\nContent-Length: 5\r\n', 'hello');
    expect(answer('apache-fastcgi-flup', proxied)).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*Connection: close\r\n/);
    // An encoded slash is refused before any handler reads the body.
    const slash = request('POST /app/%2F HTTP/1.1', 'Expect: 100-continue\r\nContent-Length: 5\r\n', 'hello');
    expect(answer('apache-static', slash)).toMatch(/^HTTP\/1\.1 404 Not Found\r\n[^]*Connection: close\r\n/);
  });

  it('names the first error when discarding a malformed chunked body after refusing the request', () => {
    const bad = (line: string, fields = '') =>
      answer('apache-static', request(line, `${fields}Transfer-Encoding: chunked\r\n`, 'zz\r\nhello\r\n0\r\n\r\n'));
    expect(bad('POST /app/%2F HTTP/1.1')).toContain('<p>Additionally, a 404 Not Found\nerror was encountered');
    expect(bad('POST /app/ HTTP/1.1', 'Expect: x\r\n')).toContain('Additionally, a 417 Expectation Failed');
    expect(bad('POST /static HTTP/1.1')).toContain('Additionally, a 301 Moved Permanently');
    const trace = bad('TRACE /app/ HTTP/1.1');
    expect(trace).toContain('<br />\nTRACE denied by server configuration</p>\n<p>Additionally, a 405');
    expect(head(trace)).not.toContain('Content-Length');
    // A handler that reads the body itself (the core's OPTIONS, CONNECT's 405, the default handler) fails plainly.
    for (const line of ['OPTIONS * HTTP/1.1', 'CONNECT example.test:80 HTTP/1.1', 'DELETE /static/hello.txt HTTP/1.1'])
      expect(bad(line)).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n(?![^]*Additionally)/);
    // A client waiting for 100 Continue sends no body: the first answer stands.
    expect(bad('POST /app/%2F HTTP/1.1', 'Expect: 100-continue\r\n')).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { parseChunkedBody } from '../../../../src/sim/http/parse-chunked.ts';
import { pythonInt } from '../../../../src/sim/http/python-int.ts';
import { STRICT_HTTP_OPTIONS, type HttpParseOptions } from '../../../../src/sim/http/parse-options.ts';
import { fromLatin1, latin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

const parse = (text: string, options: Partial<HttpParseOptions> = {}) =>
  parseRequest(fromLatin1(text), { ...STRICT_HTTP_OPTIONS, ...options });
const chunked = (version: string, coding: string, body: string) =>
  `POST /app/x ${version}\r\nHost: h\r\nTransfer-Encoding: ${coding}\r\n\r\n${body}`;
const status = (pipeline: string, request: string) =>
  /^HTTP\/1\.[01] (\d{3})/.exec(runPipeline(pipeline, fromLatin1(request)).response.raw)?.[1];

describe('pythonInt', () => {
  it("reads what Python's int() reads and refuses the rest", () => {
    expect(pythonInt(' +37  ', 10)).toBe(37);
    expect(pythonInt('3_7', 10)).toBe(37);
    expect(pythonInt('0x25', 16)).toBe(37);
    expect(pythonInt('0X_25', 16)).toBe(37);
    expect(pythonInt('-1', 16)).toBe(-1);
    expect(pythonInt('0x25', 10)).toBeNull();
    expect(pythonInt('3__7', 10)).toBeNull();
    expect(pythonInt('0x', 16)).toBeNull();
    expect(pythonInt('37, 37', 10)).toBeNull();
    expect(pythonInt('', 10)).toBeNull();
  });
});

describe('chunk sizes', () => {
  const body = fromLatin1('0x5\r\nHello\r\n0\r\n\r\n');
  it('refuses a 0x prefix by RFC 9112 and takes it as Python does', () => {
    expect(parseChunkedBody(body, 0, false).ok).toBe(false);
    const python = parseChunkedBody(body, 0, false, 'python-before-semicolon');
    expect(python.ok && latin1(python.body)).toBe('Hello');
  });
  it('reads an extension before the semicolon (Cheroot) and refuses it on the whole line (Werkzeug)', () => {
    const withExtension = fromLatin1('5;a=b\r\nHello\r\n0\r\n\r\n');
    expect(parseChunkedBody(withExtension, 0, true, 'python-before-semicolon').ok).toBe(true);
    expect(parseChunkedBody(withExtension, 0, true, 'python-whole-line').ok).toBe(false);
  });
  it('takes bare-LF size lines under Python, and wants the line after the last chunk empty under Werkzeug', () => {
    expect(parseChunkedBody(fromLatin1('0\n\n'), 0, false, 'python-before-semicolon').ok).toBe(true);
    expect(parseChunkedBody(fromLatin1('0\r\nX: y\r\n\r\n'), 0, true, 'python-whole-line').ok).toBe(false);
    expect(parseChunkedBody(fromLatin1('0\r\nX: y\r\n\r\n'), 0, true, 'rfc').ok).toBe(true);
  });
});

describe('framing options', () => {
  it('rejects Transfer-Encoding in HTTP/1.0 before the codings, or ignores it, or honours it', () => {
    const request = chunked('HTTP/1.0', 'gzip', '');
    const rejected = parse(request, { transferEncodingHttp10: 'reject' });
    expect(!rejected.ok && [rejected.error.code, rejected.error.version]).toEqual([
      'transfer-encoding-http10',
      'HTTP/1.0',
    ]);
    const ignored = parse(request, { transferEncodingHttp10: 'ignore' });
    expect(ignored.ok && ignored.request.framing).toBe('none');
    const honoured = parse(request);
    expect(!honoured.ok && honoured.error.code).toBe('unsupported-transfer-coding');
    expect(parse(chunked('HTTP/1.1', 'chunked', '0\r\n\r\n'), { transferEncodingHttp10: 'reject' }).ok).toBe(true);
  });
  it('de-chunks `gzip, chunked` only when codings before chunked are passed on, never `chunked, gzip`', () => {
    const gzipChunked = chunked('HTTP/1.1', 'gzip, chunked', '5\r\nHello\r\n0\r\n\r\n');
    expect(parse(gzipChunked).ok).toBe(false);
    const passed = parse(gzipChunked, { codingsBeforeChunked: 'pass-on' });
    expect(passed.ok && latin1(passed.request.body)).toBe('Hello');
    expect(parse(chunked('HTTP/1.1', 'chunked, gzip', ''), { codingsBeforeChunked: 'pass-on' }).ok).toBe(false);
  });
  it('leaves a malformed chunked body to its reader when told to defer', () => {
    const request = chunked('HTTP/1.1', 'chunked', 'zz\r\nHello\r\n0\r\n\r\n');
    expect(parse(request).ok).toBe(false);
    const deferred = parse(request, { chunkErrors: 'defer' });
    expect(deferred.ok && [deferred.request.body.length, deferred.request.bodyError?.offset]).toEqual([
      0,
      request.indexOf('zz'),
    ]);
  });
  it('reads Content-Length as digits or as int(), and keeps trailing whitespace only when told to', () => {
    const request = 'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +5  \r\n\r\nHello';
    expect(parse(request).ok).toBe(false);
    const python = parse(request, { numberSyntax: 'python-int', valueTrailingWhitespace: 'keep' });
    expect(python.ok && [latin1(python.request.body), python.request.headers[1]?.value]).toEqual(['Hello', '+5  ']);
    expect(parse(request.replace('+5', '-5'), { numberSyntax: 'python-int' }).ok).toBe(false);
  });
});

describe('a malformed chunk, as each server meets it (captured: 90)', () => {
  const request = chunked('HTTP/1.1', 'chunked', 'zz\r\nHello\r\n0\r\n\r\n');
  it('costs 400 where the body is read or discarded, nothing where it is never read', () => {
    expect(status('apache-static', request)).toBe('400');
    expect(status('apache-cgi', request)).toBe('400');
    expect(status('apache-mod-python', request)).toBe('200');
    expect(status('apache-modwsgi-daemon', request)).toBe('411');
    expect(status('nginx-static', request)).toBe('404');
    expect(status('nginx-gunicorn', request)).toBe('400');
    expect(status('lighttpd-static', request)).toBe('404');
    expect(status('lighttpd-cgi', request)).toBe('400');
    expect(status('werkzeug', request)).toBe('500');
    expect(status('cherrypy', request)).toBe('500');
  });
  it("goes out without Content-Length from Apache, and ends nginx's keep-alive", () => {
    const apache = runPipeline('apache-cgi', fromLatin1(request)).response.raw;
    expect(apache).not.toMatch(/Content-Length/);
    expect(runPipeline('nginx-static', fromLatin1(request)).response.raw).toMatch(/Connection: close/);
  });
});

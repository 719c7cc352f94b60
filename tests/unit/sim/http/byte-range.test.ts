import { describe, expect, it } from 'vitest';
import { contentRange, singleByteRange } from '../../../../src/sim/http/byte-range.ts';
import type { HttpRequest } from '../../../../src/sim/http/types.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

const withRange = (value: string) => ({ headers: [{ name: 'Range', value, offset: 0 }] }) as unknown as HttpRequest;
const range = (value: string, length = 25) => {
  const found = singleByteRange(withRange(value), length);
  return found && contentRange(found);
};

describe('one byte range (RFC 9110 §14.1.2)', () => {
  it('reads first-last, first- and -suffix, clamped to the length', () => {
    expect(range('bytes=0-3')).toBe('bytes 0-3/25');
    expect(range('bytes=20-')).toBe('bytes 20-24/25');
    expect(range('bytes=-5')).toBe('bytes 20-24/25');
    expect(range('bytes=-100')).toBe('bytes 0-24/25');
    expect(range('bytes=10-99')).toBe('bytes 10-24/25');
  });

  it('gives nothing for another unit, a list, a range past the end or backwards', () => {
    for (const value of ['items=0-3', 'bytes=0-1,5-6', 'bytes=100-200', 'bytes=3-1', 'bytes=-', 'bytes=-0'])
      expect(range(value)).toBeNull();
    expect(singleByteRange({ headers: [] } as unknown as HttpRequest, 25)).toBeNull();
  });
});

describe('206 from each server (captured: cases 99, 128)', () => {
  const get = (target: string, extra = '', method = 'GET', version = 'HTTP/1.1') =>
    runPipeline(
      'lighttpd-cgi',
      fromLatin1(`${method} ${target} ${version}\r\nHost: example.test\r\nRange: bytes=0-3\r\n${extra}\r\n`),
      { app: 'dump', cgiScript: 'dump' },
    ).response.raw;
  it('lighttpd: GET on HTTP/1.1 only, from a file or an application', () => {
    expect(get('/static/hello.txt')).toMatch(
      /^HTTP\/1\.1 206 [^]*Accept-Ranges: bytes\r\nContent-Range: bytes 0-3\/25\r\n[^]*\r\n\r\nHell$/,
    );
    expect(get('/app/')).toMatch(/^HTTP\/1\.1 206 [^]*Content-Range: bytes 0-3\/\d+\r\nContent-Length: 4\r\n/);
    expect(get('/static/hello.txt', '', 'HEAD')).toMatch(/^HTTP\/1\.1 200 /);
    const old = get('/static/hello.txt', '', 'GET', 'HTTP/1.0');
    expect(old).toMatch(/^HTTP\/1\.0 200 /);
    expect(old).not.toContain('Accept-Ranges');
  });
  it('Apache and nginx: the static file, HTTP/1.0 too', () => {
    const request = fromLatin1('GET /static/hello.txt HTTP/1.0\r\nRange: bytes=-4\r\n\r\n');
    expect(runPipeline('apache-static', request).response.raw).toMatch(
      /^HTTP\/1\.1 206 Partial Content\r\n[^]*Content-Length: 4\r\nContent-Range: bytes 21-24\/25\r\n/,
    );
    expect(runPipeline('nginx-static', request).response.raw).toMatch(
      /ETag: "[^"]+"\r\nContent-Range: bytes 21-24\/25\r\n\r\nile\n$/,
    );
  });
});

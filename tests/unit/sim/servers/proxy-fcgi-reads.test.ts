import { describe, expect, it } from 'vitest';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { APACHE } from '../../../../src/sim/servers/apache/apache-profile.ts';
import { createRequestContext } from '../../../../src/sim/servers/request-context.ts';
import { proxyFcgiBodyReads } from '../../../../src/sim/servers/apache/proxy-fcgi-reads.ts';

const chunked = (sizes: number[]) =>
  sizes.map((size) => `${size.toString(16)}\r\n${'x'.repeat(size)}\r\n`).join('') + '0\r\n\r\n';

function readsOf(body: string, chunkedBody: boolean): number[] {
  const head = chunkedBody ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`;
  const raw = fromLatin1(`POST /app/ HTTP/1.1\r\nHost: example.test\r\n${head}\r\n\r\n${body}`);
  const parsed = parseRequest(raw, APACHE.httpOptions);
  if (!parsed.ok) throw new Error('the request should parse');
  return proxyFcgiBodyReads(createRequestContext(raw, parsed.request)).lengths;
}

describe("mod_proxy_fcgi's reads of the body", () => {
  it('prefetches whole chunks until it holds 16,304 bytes, then reads one chunk at a time', () => {
    expect(readsOf(chunked([16000, 300, 5, 5, 400]), true)).toEqual([16305, 5, 400]);
    expect(readsOf(chunked(Array.from({ length: 8 }, () => 3)), true)).toEqual([24]);
  });

  it('cuts a chunk at what the prefetch still wants, and a later chunk at 8 KiB', () => {
    expect(readsOf(chunked([10000, 10000]), true)).toEqual([16384, 3616]);
    expect(readsOf(chunked([16304, 20000]), true)).toEqual([16304, 8192, 8192, 3616]);
  });

  it('reads a Content-Length body as one piece: 16 KiB, then 8 KiB at a time', () => {
    expect(readsOf('y'.repeat(40000), false)).toEqual([16384, 8192, 8192, 7232]);
  });

  it('says so in the trace only when the records differ from cutting the body at 8 KiB', () => {
    const raw = fromLatin1(
      `POST /app/ HTTP/1.1\r\nHost: example.test\r\nTransfer-Encoding: chunked\r\n\r\n${chunked([16000, 300, 5, 5, 400])}`,
    );
    const parsed = parseRequest(raw, APACHE.httpOptions);
    if (!parsed.ok) throw new Error('the request should parse');
    expect(proxyFcgiBodyReads(createRequestContext(raw, parsed.request)).change?.message.id).toBe(
      'change.proxyFcgiReads',
    );
    const even = fromLatin1(`POST /app/ HTTP/1.1\r\nHost: example.test\r\nContent-Length: 3\r\n\r\nabc`);
    const plain = parseRequest(even, APACHE.httpOptions);
    if (!plain.ok) throw new Error('the request should parse');
    expect(proxyFcgiBodyReads(createRequestContext(even, plain.request)).change).toBeUndefined();
  });
});

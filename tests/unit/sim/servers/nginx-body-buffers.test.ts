import { describe, expect, it } from 'vitest';
import { nginxBodyBuffers } from '../../../../src/sim/servers/nginx/nginx-body-buffers.ts';
import { createRequestContext } from '../../../../src/sim/servers/request-context.ts';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { NGINX } from '../../../../src/sim/servers/nginx/nginx-profile.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

/** A POST whose header section is exactly `head` bytes long (padded with an X-Pad header). */
function post(head: number, body: string, chunked = false): string {
  const framing = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`;
  const bare = `POST /app/x HTTP/1.1\r\nHost: example.test\r\n${framing}\r\nX-Pad: \r\n\r\n`;
  const padded = bare.replace('X-Pad: ', `X-Pad: ${'p'.repeat(head - bare.length)}`);
  if (padded.length !== head) throw new Error('header section too short for the test');
  return padded + body;
}

function chunks(...sizes: number[]): string {
  return `${sizes.map((size) => `${size.toString(16)}\r\n${'c'.repeat(size)}\r\n`).join('')}0\r\n\r\n`;
}

function buffers(raw: string): number[] {
  const bytes = fromLatin1(raw);
  const parsed = parseRequest(bytes, NGINX.httpOptions);
  if (!parsed.ok) throw new Error('test request does not parse');
  return nginxBodyBuffers(createRequestContext(bytes, parsed.request)).lengths;
}

describe('nginxBodyBuffers (a request that arrived in one read)', () => {
  it('keeps a body that fits in the 1,024-byte header buffer in one buffer', () => {
    expect(buffers(post(124, 'a'.repeat(900)))).toEqual([900]);
    expect(buffers(post(124, 'a'.repeat(901)))).toEqual([900, 1]);
  });

  it('reads a rest below 10,240 bytes into a second buffer and spools 10,240 or more to a file', () => {
    expect(buffers(post(124, 'a'.repeat(900 + 10239)))).toEqual([900, 10239]);
    expect(buffers(post(124, 'a'.repeat(900 + 10240)))).toEqual([11140]);
  });

  it('continues a header section longer than 1 KiB in an 8 KiB buffer starting at the line it was reading', () => {
    // The X-Pad line straddles byte 1,024; the large buffer starts where that line starts (byte 64).
    expect(buffers(post(1200, 'a'.repeat(9000)))).toEqual([8192 - (1200 - 64), 9000 - (8192 - (1200 - 64))]);
  });

  it('makes a buffer per piece of chunk data, joining a chunk of at most 128 bytes that arrived whole', () => {
    const head = 124;
    // 900 bytes of the header buffer: "3e8\r\n" and 895 bytes of the first chunk.
    expect(buffers(post(head, chunks(1000, 128, 129), true))).toEqual([895, 105 + 128, 129]);
    expect(buffers(post(head, chunks(5, 7), true))).toEqual([12]);
  });

  it('spools a chunked body whose rest after the header buffer is more than 8,192 bytes', () => {
    const head = 124;
    const fits = chunks(8000);
    // 900 bytes in the header buffer; the rest is 8,000 + 6 + 2 + 5 - 900 + … bytes of the message.
    const restOf = (body: string) => head + body.length - 1024;
    expect(restOf(fits)).toBeLessThanOrEqual(8192);
    expect(buffers(post(head, fits, true))).toHaveLength(2);
    const spools = chunks(9200);
    expect(restOf(spools)).toBeGreaterThan(8192);
    expect(buffers(post(head, spools, true))).toEqual([9200]);
  });

  it('sends each buffer as its own padded STDIN record on nginx-fastcgi-flup', () => {
    const trace = runPipeline('nginx-fastcgi-flup', fromLatin1(post(124, 'a'.repeat(3000))), { app: 'dump' });
    const hop = trace.hops.find((h) => h.protocol === 'fastcgi' && h.direction === 'request');
    const stdin = hop && 'fastcgi' in hop ? hop.fastcgi.records.filter((r) => r.type === 'STDIN') : [];
    expect(stdin.map((r) => [r.contentLength, r.paddingLength])).toEqual([
      [900, 4],
      [2100, 4],
      [0, 0],
    ]);
  });
});

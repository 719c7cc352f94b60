import { describe, expect, it } from 'vitest';
import { labelRecord, readNameValueLength } from '../../../src/render/fastcgi-bytes.ts';
import { hexToBytes } from '../../../src/render/hex-rows.ts';
import { runPipeline } from '../../../src/sim/index.ts';

const GET = 'GET /app/ HTTP/1.1\r\nHost: example.test\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n';

function records(request: string) {
  const trace = runPipeline('nginx-fastcgi-flup', new TextEncoder().encode(request));
  return trace.hops.flatMap((hop) => hop.fastcgi?.records ?? []);
}

describe('FastCGI record labels', () => {
  it('labels the 8 header bytes (FastCGI 1.0 §3.3) and the BEGIN_REQUEST body (§5.1)', () => {
    const begin = records(GET)[0];
    expect(begin?.type).toBe('BEGIN_REQUEST');
    const segments = labelRecord(hexToBytes(begin?.bytes ?? ''));
    expect(segments.map((s) => [s.kind, s.offset, s.length, s.value])).toEqual([
      ['version', 0, 1, '1'],
      ['type', 1, 1, '1 BEGIN_REQUEST'],
      ['requestId', 2, 2, '1'],
      ['contentLength', 4, 2, '8'],
      ['paddingLength', 6, 1, '0'],
      ['reserved', 7, 1, '0'],
      ['role', 8, 2, '1 RESPONDER'],
      ['flags', 10, 1, '0'],
      ['reserved', 11, 5, '0'],
    ]);
  });

  it('labels PARAMS name–value pairs with 1-byte lengths, and the padding', () => {
    const params = records(GET).find((r) => r.type === 'PARAMS' && r.contentLength > 0);
    const segments = labelRecord(hexToBytes(params?.bytes ?? ''));
    const names = segments.filter((s) => s.kind === 'name').map((s) => s.value);
    expect(names).toEqual(params?.params?.map(([name]) => name));
    expect(segments.filter((s) => s.kind === 'nameLength').every((s) => s.encoding === 1)).toBe(true);
    expect(segments.at(-1)).toMatchObject({ kind: 'padding', length: params?.paddingLength });
  });

  it('shows a 4-byte length for a value of 128 bytes or more (FastCGI 1.0 §3.4)', () => {
    const long = 'x'.repeat(300);
    const params = records(`GET /app/?${long} HTTP/1.1\r\nHost: example.test\r\n\r\n`).find((r) => r.type === 'PARAMS');
    const segments = labelRecord(hexToBytes(params?.bytes ?? ''));
    const index = segments.findIndex((s) => s.kind === 'name' && s.value === 'QUERY_STRING');
    const valueLength = segments[index - 1];
    expect(valueLength).toMatchObject({ kind: 'valueLength', length: 4, encoding: 4, value: '300' });
    expect(segments[index - 2]).toMatchObject({ kind: 'nameLength', length: 1, encoding: 1, value: '12' });
  });

  it('reads both length encodings', () => {
    expect(readNameValueLength(new Uint8Array([0x7f]), 0)).toEqual({ length: 127, size: 1 });
    expect(readNameValueLength(new Uint8Array([0x80, 0, 0x01, 0x2c]), 0)).toEqual({ length: 300, size: 4 });
    expect(readNameValueLength(new Uint8Array([0x80, 0]), 0)).toBeUndefined();
  });

  it('labels END_REQUEST (§5.5) and keeps short or overlong input readable', () => {
    const end = records(GET).find((r) => r.type === 'END_REQUEST');
    const kinds = labelRecord(hexToBytes(end?.bytes ?? '')).map((s) => s.kind);
    expect(kinds.slice(6)).toEqual(['appStatus', 'protocolStatus', 'reserved']);
    expect(labelRecord(new Uint8Array([1, 2]))).toEqual([{ kind: 'data', offset: 0, length: 2, value: '\x01\x02' }]);
    const truncatedPair = new Uint8Array([1, 4, 0, 1, 0, 3, 0, 0, 5, 9, 65]);
    expect(labelRecord(truncatedPair).at(-1)).toMatchObject({ kind: 'data', offset: 8, length: 3 });
  });
});

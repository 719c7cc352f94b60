import { describe, expect, it } from 'vitest';
import { decodeNameValuePairs, encodeNameValuePairs } from '../../../../src/sim/fastcgi/name-value.ts';
import { encodeRecord, makeRecord } from '../../../../src/sim/fastcgi/record.ts';
import { buildRequestRecords } from '../../../../src/sim/fastcgi/build-request-records.ts';
import { describeRecords } from '../../../../src/sim/fastcgi/describe-records.ts';
import { encodeEndRequestBody } from '../../../../src/sim/fastcgi/bodies.ts';
import { splitStream } from '../../../../src/sim/fastcgi/stream.ts';
import { fromLatin1, toHex } from '../../../../src/sim/bytes.ts';

describe('name-value pairs (FastCGI §3.4)', () => {
  it('uses 1-byte lengths below 128 and 4-byte lengths with the high bit from 128 on', () => {
    expect(toHex(encodeNameValuePairs([['A', 'bc']]))).toBe('0102416263');
    const long = 'x'.repeat(128);
    expect(toHex(encodeNameValuePairs([['N', long]])).slice(0, 12)).toBe('01800000804e');
  });
  it('decodes what it encodes and locates a truncated pair', () => {
    const pairs: [string, string][] = [
      ['SCRIPT_NAME', '/app'],
      ['EMPTY', ''],
      ['BIG', 'y'.repeat(300)],
    ];
    expect(decodeNameValuePairs(encodeNameValuePairs(pairs)).pairs.map((p) => p.pair)).toEqual(pairs);
    expect(decodeNameValuePairs(Uint8Array.of(5, 1, 0x41))).toMatchObject({ error: { offset: 0 } });
  });
});

describe('records (FastCGI §3.3)', () => {
  it('encodes a header, content and padding', () => {
    expect(toHex(encodeRecord(makeRecord('STDIN', 1, fromLatin1('abc'), 5)))).toBe(
      '0105000100030500616263' + '0000000000',
    );
  });
  it('builds BEGIN_REQUEST, PARAMS, STDIN with empty terminators and nginx-style padding', () => {
    const records = buildRequestRecords([['A', 'b']], fromLatin1('hello'), {
      requestId: 1,
      role: 'RESPONDER',
      flags: 0,
      padBeginRequest: false,
      params: { maxContentLength: 65535, padTo8: true, terminate: true },
      stdin: { maxContentLength: 32768, padTo8: true, terminate: true },
    });
    expect(describeRecords(records).map((r) => [r.type, r.contentLength, r.paddingLength])).toEqual([
      ['BEGIN_REQUEST', 8, 0],
      ['PARAMS', 4, 4],
      ['PARAMS', 0, 0],
      ['STDIN', 5, 3],
      ['STDIN', 0, 0],
    ]);
    expect(describeRecords(records)[0]).toMatchObject({
      role: 'RESPONDER',
      flags: 0,
      bytes: '01010001000800000001000000000000',
    });
  });
  it('lists a pair that straddles two PARAMS records on the record where it starts', () => {
    const stream = encodeNameValuePairs([
      ['AAAA', '1111'],
      ['BBBB', '2222'],
    ]);
    const records = splitStream('PARAMS', 1, stream, { maxContentLength: 7, padTo8: false, terminate: true });
    expect(describeRecords(records).map((r) => r.params)).toEqual([[['AAAA', '1111']], [['BBBB', '2222']], [], []]);
  });
  it('describes END_REQUEST', () => {
    const [end] = describeRecords([makeRecord('END_REQUEST', 1, encodeEndRequestBody(0, 'REQUEST_COMPLETE'))]);
    expect(end).toMatchObject({ type: 'END_REQUEST', appStatus: 0, protocolStatus: 'REQUEST_COMPLETE' });
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeRecord } from '../../../../src/sim/fastcgi/record.ts';
import { decodeNameValuePairs, encodeNameValuePairs } from '../../../../src/sim/fastcgi/name-value.ts';
import { describeRecords } from '../../../../src/sim/fastcgi/describe-records.ts';
import { buildRequestRecords } from '../../../../src/sim/fastcgi/build-request-records.ts';
import { toHex } from '../../../../src/sim/bytes.ts';
import { decodeFastcgiRecords } from '../../../conformance/decode-fastcgi-records.ts';

const latin1Text = fc.string({
  unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});

describe('FastCGI decoding never throws and round-trips', () => {
  it('decodes 10,000 random byte strings into name-value pairs or a located error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        const pairs = decodeNameValuePairs(bytes);
        if (pairs.error) expect(pairs.error.offset).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: 10_000 },
    );
  });
  it('describes request records as the capture decoder reads their bytes', () => {
    const stream = fc.record({
      maxContentLength: fc.integer({ min: 1, max: 300 }),
      padTo8: fc.boolean(),
      terminate: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(latin1Text, latin1Text), { maxLength: 8 }),
        fc.uint8Array({ maxLength: 600 }),
        stream,
        stream,
        fc.boolean(),
        (params, stdin, paramsSplit, stdinSplit, padBeginRequest) => {
          const records = buildRequestRecords(params, stdin, {
            requestId: 1,
            role: 'RESPONDER',
            flags: 1,
            padBeginRequest,
            params: paramsSplit,
            stdin: stdinSplit,
          });
          const decoded = decodeFastcgiRecords(records.map((record) => toHex(encodeRecord(record))));
          const described = describeRecords(records);
          expect(described).toEqual(
            decoded.map((record) => (record.type === 'PARAMS' ? { ...record, params: record.params ?? [] } : record)),
          );
          expect(described.flatMap((record) => record.params ?? [])).toEqual(params);
        },
      ),
      { numRuns: 2_000 },
    );
  });
  it('name-value pairs round-trip with 1- and 4-byte lengths', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(latin1Text, latin1Text), { maxLength: 8 }), (pairs) => {
        const decoded = decodeNameValuePairs(encodeNameValuePairs(pairs));
        expect(decoded.error).toBeNull();
        expect(decoded.pairs.map((p) => p.pair)).toEqual(pairs);
      }),
      { numRuns: 2_000 },
    );
  });
});

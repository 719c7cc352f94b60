import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeRecords, encodeRecords, type FcgiRecord } from '../../../../src/sim/fastcgi/record.ts';
import { decodeNameValuePairs, encodeNameValuePairs } from '../../../../src/sim/fastcgi/name-value.ts';
import { describeRecords } from '../../../../src/sim/fastcgi/describe-records.ts';

const record: fc.Arbitrary<FcgiRecord> = fc.record({
  version: fc.constant(1),
  type: fc.integer({ min: 1, max: 11 }),
  requestId: fc.integer({ min: 0, max: 0xffff }),
  content: fc.uint8Array({ maxLength: 300 }),
  padding: fc.uint8Array({ maxLength: 255 }),
  reserved: fc.integer({ min: 0, max: 255 }),
});

const latin1Text = fc.string({
  unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});

describe('FastCGI decoding never throws and round-trips', () => {
  it('decodes 10,000 random byte strings into records or a located error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        const result = decodeRecords(bytes);
        if (result.error) expect(result.error.offset).toBeLessThanOrEqual(bytes.length);
        describeRecords(result.records);
        const pairs = decodeNameValuePairs(bytes);
        if (pairs.error) expect(pairs.error.offset).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: 10_000 },
    );
  });
  it('decode(encode(records)) gives the same records and bytes', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), (records) => {
        const bytes = encodeRecords(records);
        const decoded = decodeRecords(bytes);
        expect(decoded.error).toBeNull();
        expect(decoded.records).toEqual(records);
        expect(encodeRecords(decoded.records)).toEqual(bytes);
      }),
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

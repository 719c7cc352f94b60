import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { STRICT_HTTP_OPTIONS } from '../../../../src/sim/http/parse-options.ts';
import { LENIENT_HTTP_OPTIONS } from './lenient-http-options.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';

/** Byte strings biased towards HTTP's own characters, so the parser gets past the first line often. */
const httpish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ...[
          'GET ',
          'POST ',
          '/',
          ' HTTP/1.1',
          ' HTTP/1.0',
          '\r\n',
          '\n',
          '\r',
          ':',
          ' ',
          'Host: h',
          'Content-Length: ',
          'Transfer-Encoding: chunked',
          '0',
          '5',
          'a',
          '\r\n\r\n',
        ].map(fromLatin1),
      ),
      fc.uint8Array({ maxLength: 8 }),
    ),
    { maxLength: 24 },
  )
  .map((parts) => Uint8Array.from(parts.flatMap((p) => [...p])));

describe('parseRequest never throws', () => {
  it('returns a request or a located error for 10,000 random byte strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), httpish), fc.boolean(), (bytes, strict) => {
        const result = parseRequest(bytes, strict ? STRICT_HTTP_OPTIONS : LENIENT_HTTP_OPTIONS);
        if (result.ok) {
          expect(result.request.length).toBeLessThanOrEqual(bytes.length);
        } else {
          expect(result.error.offset).toBeGreaterThanOrEqual(0);
          expect(result.error.offset).toBeLessThanOrEqual(bytes.length);
          expect(result.error.message.id.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../src/sim/index.ts';

/** A GET of the application with `Expect: 100-continue`, on the version given. */
const request = (version: string) =>
  new TextEncoder().encode(`GET /app/ ${version}\r\nHost: example.test\r\nExpect: 100-continue\r\n\r\n`);

describe('100 Continue from nginx (ngx_http_test_expect compares the version as a number)', () => {
  it('answers 100 Continue on HTTP/1.1 and later 1.x versions, as nginx does (case 88)', () => {
    for (const version of ['HTTP/1.1', 'HTTP/1.2', 'HTTP/1.01', 'HTTP/1.10']) {
      expect(runPipeline('nginx-fastcgi-flup', request(version)).response.raw, version).toMatch(
        /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/,
      );
    }
  });

  it('ignores the expectation on HTTP/1.0 (RFC 9110 §10.1.1)', () => {
    for (const version of ['HTTP/1.0', 'HTTP/1.00']) {
      expect(runPipeline('nginx-fastcgi-flup', request(version)).response.raw, version).toMatch(
        /^HTTP\/1\.1 200 OK\r\n/,
      );
    }
  });
});

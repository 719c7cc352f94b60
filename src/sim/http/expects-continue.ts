import type { RequestContext } from '../servers/request-context.ts';
import { findHeader } from './header-lookup.ts';
/**
 * RFC 9110 §10.1.1: the client sent `Expect: 100-continue` on an HTTP/1.1 (or later) request; "A server that
 * receives a 100-continue expectation in an HTTP/1.0 request MUST ignore that expectation." nginx compares the
 * version as a number, major × 1000 + minor (ngx_http_test_expect: `r->http_version < NGX_HTTP_VERSION_11`), so
 * `HTTP/1.2` and `HTTP/1.01` get 100 Continue too (found by the variant generator).
 */
export function expectsContinue(context: RequestContext): boolean {
  const expect = findHeader(context.request.headers, 'expect');
  const version = /^HTTP\/(\d+)\.(\d+)$/.exec(context.request.version);
  const number = version ? Number(version[1]) * 1000 + Number(version[2]) : 0;
  return number >= 1001 && expect !== undefined && expect.value.toLowerCase() === '100-continue';
}

/**
 * The client sent `Expect: 100-continue`, whatever its version: the Python servers look at the field alone
 * (Werkzeug's run_wsgi compares it lower-cased, Cheroot's read_request_headers byte for byte). Captured: case 129.
 */
export function asksContinue(context: RequestContext, compare: 'any-case' | 'exact'): boolean {
  const value = findHeader(context.request.headers, 'expect')?.value.trim();
  return (compare === 'exact' ? value : value?.toLowerCase()) === '100-continue';
}

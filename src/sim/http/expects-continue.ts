import type { RequestContext } from '../servers/request-context.ts';
import { findHeader } from './header-lookup.ts';
/** RFC 9110 §10.1.1: the client sent `Expect: 100-continue` on an HTTP/1.1 request. */
export function expectsContinue(context: RequestContext): boolean {
  const expect = findHeader(context.request.headers, 'expect');
  return (
    context.request.version === 'HTTP/1.1' && expect !== undefined && expect.value.toLowerCase() === '100-continue'
  );
}

/**
 * The client sent `Expect: 100-continue`, whatever its version: the Python servers look at the field alone
 * (Werkzeug's run_wsgi compares it lower-cased, Cheroot's read_request_headers byte for byte). Captured: case 129.
 */
export function asksContinue(context: RequestContext, compare: 'any-case' | 'exact'): boolean {
  const value = findHeader(context.request.headers, 'expect')?.value.trim();
  return (compare === 'exact' ? value : value?.toLowerCase()) === '100-continue';
}

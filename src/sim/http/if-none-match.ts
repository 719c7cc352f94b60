import type { RequestContext } from '../servers/request-context.ts';

/**
 * The request's If-None-Match (its lines merged with ", "), or null. RFC 9110 §13.1.2: `*` is false whenever the
 * resource has a current representation, so a file that exists never meets it.
 */
export function ifNoneMatch(context: RequestContext): string | null {
  const values = context.request.headers.filter((field) => field.name.toLowerCase() === 'if-none-match');
  return values.length === 0 ? null : values.map((field) => field.value).join(', ');
}

/** The client sent `If-None-Match: *` exactly (nginx's ngx_http_test_if_match, lighttpd, Werkzeug's parse_etags). */
export function noneMatchStar(context: RequestContext): boolean {
  return ifNoneMatch(context)?.trim() === '*';
}

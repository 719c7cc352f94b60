import type { RequestContext } from '../request-context.ts';

/**
 * The Expect field as Apache reads it: each Expect line's value, merged with ", " into one (ap_get_mime_headers
 * merges repeated fields), or null when none was sent or the value is empty (ap_check_request_header skips an
 * empty one). Captured: two `Expect: 100-continue` lines are one unknown expectation, `Expect:` alone is none.
 */
export function apacheExpect(context: RequestContext): string | null {
  const values = context.request.headers
    .filter((field) => field.name.toLowerCase() === 'expect')
    .map((field) => field.value);
  const merged = values.join(', ');
  return merged === '' ? null : merged;
}

/**
 * ap_check_request_header (server/protocol.c): `100-continue` in any case sets r->expecting_100, whatever the
 * request's version; any other expectation is answered 417 (see the profile's vet).
 */
export function apacheExpectsContinue(context: RequestContext): boolean {
  return apacheExpect(context)?.toLowerCase() === '100-continue';
}

/**
 * ap_set_keepalive keeps the connection only when `!r->expecting_100`: the flag is cleared when Apache sends 100
 * Continue (ap_http_filter, as a handler starts reading the body) and by mod_wsgi in embedded mode once the
 * application's headers are sent (Adapter_output). A client still waiting for 100 Continue gets `Connection: close`
 * on any answer, an error page, a file or an application's (captured: case 137, every Apache pipeline, ten times
 * each).
 */
export function apacheAwaitsContinue(context: RequestContext): boolean {
  return apacheExpectsContinue(context) && context.continued !== true;
}

/**
 * mod_wsgi in embedded mode clears r->expecting_100 once it has sent the application's headers (Adapter_output:
 * "Reset flag indicating whether '100 Continue' response expected"), so Apache keeps the connection as if 100
 * Continue had gone out; the daemon mode's Apache side does not (captured: case 137).
 */
export function modWsgiAnswering(context: RequestContext, daemon: boolean): RequestContext {
  return daemon ? context : { ...context, continued: true };
}

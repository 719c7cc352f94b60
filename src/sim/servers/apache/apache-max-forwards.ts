import type { HttpResponse } from '../../http/types.ts';
import type { RequestContext } from '../request-context.ts';
import type { GatewayVariables } from '../profile.ts';
import type { Change } from '../../trace.ts';
import { msg } from '../../message.ts';

/**
 * mod_proxy's handling of Max-Forwards (proxy_handler, modules/proxy/mod_proxy.c, Apache 2.4): every request it
 * proxies, mod_proxy_fcgi's included, passes through it before a backend is chosen. The field (repeated ones merged
 * with ", " as ap_get_mime_headers does) is read with apr_strtoi64; anything left after the number, or a negative
 * one, is 400 "Max-Forwards request header could not be parsed"; zero is 400 "Max-Forwards has reached zero - proxy
 * loop?", except for OPTIONS, which the core answers itself (TRACE is refused before any handler). Otherwise the
 * field goes on one lower. Captured on apache-fastcgi-flup: 0, 5, `x1`, a POST, a HEAD, OPTIONS and a static file
 * (which no proxy handles); found by the variant generator.
 */
export type MaxForwards =
  { kind: 'absent' } | { kind: 'refused'; reason: string } | { kind: 'options' } | { kind: 'forward'; value: string };

/** What mod_proxy makes of the request's Max-Forwards. */
export function proxyMaxForwards(context: RequestContext): MaxForwards {
  const values = context.request.headers
    .filter((header) => header.name.toLowerCase() === 'max-forwards')
    .map((header) => header.value);
  if (values.length === 0) return { kind: 'absent' };
  const number = aprStrtoi64(values.join(', '));
  if (number === null || number < 0n || number >= INT64_MAX)
    return { kind: 'refused', reason: 'Max-Forwards request header could not be parsed' };
  if (number === 0n)
    return context.request.method === 'OPTIONS'
      ? { kind: 'options' }
      : { kind: 'refused', reason: 'Max-Forwards has reached zero - proxy loop?' };
  return { kind: 'forward', value: String(number - 1n) };
}

const INT64_MAX = 2n ** 63n - 1n;

/**
 * apr_strtoi64 in base 10 as mod_proxy checks it: leading white space, an optional sign, digits, and nothing after
 * them (`*end` must be the string's end). No digits at all reads as 0 with nothing left over; an overflow clamps to
 * the largest value, which mod_proxy refuses as well.
 */
function aprStrtoi64(text: string): bigint | null {
  const match = /^[ \t\n\v\f\r]*([+-]?)(\d*)$/.exec(text);
  if (!match) return null;
  const digits = match[2] ?? '';
  if (digits === '') return match[1] === '' ? 0n : null;
  const value = BigInt(digits);
  return match[1] === '-' ? -value : value > INT64_MAX ? INT64_MAX : value;
}

/** The variables with HTTP_MAX_FORWARDS one lower, as mod_proxy set the field before the backend's module read it. */
export function withMaxForwardsLowered(variables: GatewayVariables, context: RequestContext): GatewayVariables {
  const max = proxyMaxForwards(context);
  if (max.kind !== 'forward') return variables;
  const change: Change = {
    kind: 'rewritten',
    to: 'HTTP_MAX_FORWARDS',
    message: msg('change.apacheMaxForwardsLowered', { value: max.value }),
  };
  return {
    ...variables,
    pairs: variables.pairs.map(([name, value]) => [name, name === 'HTTP_MAX_FORWARDS' ? max.value : value]),
    changes: [...variables.changes, change],
  };
}

/** The answer mod_proxy gives itself instead of proxying, and why, or null (it proxies). */
export function maxForwardsAnswer(
  context: RequestContext,
  answers: { options: () => HttpResponse; refused: (reason: string) => HttpResponse },
): { response: HttpResponse; changes: Change[] } | null {
  const max = proxyMaxForwards(context);
  if (max.kind === 'options') return { response: answers.options(), changes: [] };
  if (max.kind === 'refused')
    return {
      response: answers.refused(max.reason),
      changes: [{ kind: 'rejected', message: msg('reject.apacheMaxForwards', { reason: max.reason }) }],
    };
  return null;
}

import type { RequestContext } from '../request-context.ts';
/**
 * Apache's fix_hostname (server/vhost.c, HttpProtocolOptions Strict, the default): the host and port Apache takes
 * from the Host header. An empty value is no host (null; an HTTP/1.1 request without one is refused elsewhere).
 * apr_parse_addr_port reads trailing digits after the last `:` as the port (1–65535, written back as a number, so
 * `0080` is 80; an empty or out-of-range port is an error) and takes an IPv6 literal out of its brackets;
 * fix_hostname_non_v6 refuses `/`, `\` and two dots in a row, lowers capitals and drops one trailing dot;
 * strict_hostname_check then allows only letters, digits, `-`, `_` and `.`, a dotted-decimal name only as four
 * numbers without leading zeros, and a last label that starts with a letter. A refused host is `invalid` (400),
 * with the port when it was read before the name failed: the error page's signature names it.
 */
export type ApacheHost =
  { kind: 'host'; name: string; port: string | null; ipv6: boolean } | { kind: 'invalid'; port: string | null } | null;

const INVALID: ApacheHost = { kind: 'invalid', port: null };

/** The Host field as Apache reads it: repeated lines merged with ", " (ap_get_mime_headers), or null. */
export function apacheHostValue(context: RequestContext): string | null {
  const values = context.request.headers.filter((field) => field.name.toLowerCase() === 'host');
  return values.length === 0 ? null : values.map((field) => field.value).join(', ');
}

export function apacheHost(value: string): ApacheHost {
  if (value === '') return null;
  // A bare number would be read as a port alone.
  if (/^\d+$/.test(value)) return INVALID;
  const trailing = /:(\d*)$/.exec(value);
  let port: string | null = null;
  let host = value;
  if (trailing) {
    const number = Number(trailing[1]);
    if (trailing[1] === '' || number < 1 || number > 65535) return INVALID;
    port = String(number);
    host = value.slice(0, trailing.index);
  }
  const literal = /^\[([0-9A-Fa-f:.]+)\]$/.exec(host);
  if (literal) return { kind: 'host', name: (literal[1] ?? '').toLowerCase(), port, ipv6: true };
  // An opening bracket without its literal fails apr_parse_addr_port itself: no port is kept.
  if (host.startsWith('[')) return INVALID;
  const invalid = { kind: 'invalid' as const, port };
  if (host === '' || /[/\\]|\.\./.test(host)) return invalid;
  const name = host.toLowerCase().replace(/\.$/, '');
  if (!/^[a-z0-9._-]+$/.test(name)) return invalid;
  if (/^[0-9.]+$/.test(name)) {
    const parts = name.split('.');
    if (parts.length !== 4 || parts.some((part) => part === '' || /^0\d/.test(part))) return invalid;
  } else {
    const last = name.slice(name.lastIndexOf('.') + 1);
    if (name.includes('.') && last !== '' && !/^[a-z]/.test(last)) return invalid;
  }
  return { kind: 'host', name, port, ipv6: false };
}

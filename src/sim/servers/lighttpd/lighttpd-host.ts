import type { RequestContext } from '../request-context.ts';
import type { HeaderField, HttpParseError } from '../../http/types.ts';
import { msg } from '../../message.ts';

/**
 * lighttpd 1.4.69's http_request_parse_reqline_uri (request.c): a target that does not start with "/" is read as
 * absolute-form only when it starts with http:// or https:// (any case) and a "/" follows the authority; the
 * authority must not be empty. Anything else (but `OPTIONS *`) is 400 under header-strict.
 */
const RE_LIGHTTPD_ABSOLUTE = /^https?:\/\/([^/]*)(\/.*)$/i;

/** The absolute-form target's authority and the rest after it, as lighttpd cuts them, or null. */
function absoluteParts(context: RequestContext): { authority: string; rest: string } | null {
  const match = RE_LIGHTTPD_ABSOLUTE.exec(context.request.target);
  if (!match) return null;
  return { authority: match[1] ?? '', rest: match[2] ?? '' };
}

/**
 * host-strict and host-normalize (Debian's defaults) rewrite the host in place: lower-cased, a trailing dot after the
 * name and an empty port removed, and the scheme's own port 80 dropped (request_check_hostname and
 * http_request_host_normalize; verified: `Example.Test.:80` arrives as `example.test`, `[::1]:80` as `[::1]`).
 */
function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  const bracket = lower.startsWith('[') ? lower.indexOf(']') + 1 : 0;
  const colon = lower.indexOf(':', bracket);
  let name = colon < 0 ? lower : lower.slice(0, colon);
  const port = colon < 0 ? '' : lower.slice(colon + 1);
  if (bracket === 0 && name.endsWith('.')) name = name.slice(0, -1);
  return port === '' || port === '80' ? name : `${name}:${port}`;
}

/**
 * The host lighttpd uses, normalised: from an absolute-form target (http_request_header_set_Host), else from the
 * first Host header, or null.
 */
export function lighttpdHost(context: RequestContext): string | null {
  const sent = sentHost(context);
  return sent === null ? null : normalizeHost(sent);
}

/** The host as sent: an absolute-form target's authority, else the first Host header. */
function sentHost(context: RequestContext): string | null {
  const parts = context.target.form === 'absolute' ? absoluteParts(context) : null;
  return parts ? parts.authority : context.host;
}

/** REQUEST_URI: the target as sent, without the scheme and authority of an absolute-form target. */
export function lighttpdRequestUri(context: RequestContext): string {
  return absoluteParts(context)?.rest ?? context.request.target;
}

/**
 * The headers as lighttpd keeps them (none with an empty value): the Host header holding the normalised host; for an absolute-form target a
 * Host header made from the authority comes first, and the client's Host headers (equal to it, or the request was
 * refused) are left out.
 */
export function lighttpdHeaders(context: RequestContext): HeaderField[] {
  // A field line with an empty value is not kept at all (captured: `X-Empty:` and an empty Host on HTTP/1.0 reach
  // no CGI or FastCGI application as HTTP_*).
  const headers = context.request.headers.filter((h) => h.value !== '');
  const host = lighttpdHost(context) ?? '';
  const isHost = (h: HeaderField) => h.name.toLowerCase() === 'host';
  if (context.target.form === 'absolute' && absoluteParts(context))
    return [{ name: 'Host', value: host, offset: 0 }, ...headers.filter((h) => !isHost(h))];
  return headers.map((h) => (isHost(h) ? { ...h, value: host } : h));
}

/**
 * request_check_hostname (host-strict): labels of letters, digits and inner hyphens, a numeric last label only in
 * a four-part IPv4 address, one trailing dot allowed; or an IPv6 literal in brackets; then an optional numeric port.
 */
export function lighttpdHostValid(host: string): boolean {
  // http_request_host_normalize: a port must lie between 1 and 65535, written without leading zeros (captured:
  // `example.test:0080` is 400).
  const port = /:(\d+)$/.exec(host)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535 || port.startsWith('0'))) return false;
  const ipv6 = /^\[[0-9a-fA-F:.]+\](:\d*)?$/.exec(host);
  if (ipv6) return (host.slice(1, host.indexOf(']')).match(/:/g) ?? []).length < 8;
  const match = /^([^:]*)(?::\d*)?$/.exec(host);
  if (!match) return false;
  const name = (match[1] ?? '').replace(/\.$/, '');
  const labels = name.split('.');
  if (labels.some((label) => !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(label))) return false;
  const last = labels[labels.length - 1] ?? '';
  if (/^\d+$/.test(last)) return labels.length === 4 && labels.every((label) => /^\d+$/.test(label));
  return true;
}

/** Where lighttpd refuses the target or the host (request line, Host headers, host-strict), as a 400, or null. */
export function lighttpdHostError(context: RequestContext): HttpParseError | null {
  const { request } = context;
  const targetOffset = context.raw.indexOf(0x20) + 1;
  const bad = (message: HttpParseError['message'], offset: number): HttpParseError => ({
    code: 'bad-request-line',
    message,
    offset,
    status: 400,
  });
  // http_request_parse_reqline_uri: a target that is neither a path, `*` nor http(s):// is 400 (CONNECT too).
  if (context.target.form === 'authority') return bad(msg('reject.lighttpdAbsoluteTarget'), targetOffset);
  if (context.target.form === 'absolute') {
    const parts = absoluteParts(context);
    if (!parts || parts.authority === '' || parts.authority.length >= 1024)
      return bad(msg('reject.lighttpdAbsoluteTarget'), targetOffset);
    // http_request_parse_single_header: a Host header equal to the authority (byte for byte, or ignoring case in
    // http_request_parse_duplicate) is ignored; any other is a duplicate Host and 400.
    const authority = parts.authority.toLowerCase();
    // An empty Host line is dropped before that, as any field with an empty value (captured: case 141).
    const other = request.headers.find(
      (h) => h.name.toLowerCase() === 'host' && h.value !== '' && h.value.toLowerCase() !== authority,
    );
    if (other)
      return bad(msg('reject.lighttpdHostMismatch', { authority: parts.authority, host: other.value }), other.offset);
  }
  // host-strict looks at the host as sent, before host-normalize rewrites it.
  // An empty Host counts as none (request.c: only a non-empty host is checked; HTTP/1.1 needs one).
  const host = sentHost(context) || null;
  if (host !== null && !lighttpdHostValid(host)) return bad(msg('reject.lighttpdInvalidHost', { host }), targetOffset);
  if (host === null && request.version === 'HTTP/1.1')
    return { code: 'missing-host', message: msg('http.missingHost'), offset: request.bodyOffset, status: 400 };
  return null;
}

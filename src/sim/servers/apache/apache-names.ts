import type { RequestContext } from '../request-context.ts';
import { splitHostPort } from '../request-context.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { apacheHost, apacheHostValue } from './apache-host.ts';
import { aprSchemePort } from './apr-scheme-ports.ts';

/** Apache 2.4.71's ServerTokens OS string. */
export const APACHE_VERSION = 'Apache/2.4.71 (Debian)';

/**
 * The authority Apache takes the request's host from: an absolute-form target's only when its scheme is `http`
 * in any case (ap_parse_uri: `!ap_cstr_casecmp(r->parsed_uri.scheme, ap_http_scheme(r))`; the server has no TLS),
 * and a CONNECT's authority-form target. An `https://` (or any other scheme's) target leaves Host to name it:
 * HTTP_HOST is the Host field as sent, and an HTTP/1.1 request without one is 400 (captured: case 140).
 */
export function apacheAuthority(context: RequestContext): string | null {
  const { authority, scheme, form } = context.target;
  if (form === 'authority') return authority;
  if (apacheUriPort(context)?.valid === false) return null;
  return scheme !== null && scheme.toLowerCase() === 'http' ? authority : null;
}

/**
 * The port of an absolute-form target as apr_uri_parse reads it: the digits strtol takes after the first `:` of
 * the authority, and whether nothing else followed them (else the URI is refused: ap_parse_uri's 400, the port
 * read so far still naming the server on the page; found by the variant generator: `http://example.test:80x/`).
 */
export function apacheUriPort(context: RequestContext): { port: string | null; valid: boolean } | null {
  const { authority, form, scheme } = context.target;
  if (form !== 'absolute' || authority === null) return null;
  const hostinfo = authority.replace(/^[^@]*@/, '');
  // The first colon after the host (an IPv6 literal's closing bracket): `example.test:8080http:` has port `8080http:`.
  const colon = hostinfo.indexOf(':', hostinfo.startsWith('[') ? hostinfo.indexOf(']') + 1 : 0);
  if (colon < 0) return { port: null, valid: true };
  const text = hostinfo.slice(colon + 1);
  // "Note: port may be empty": then it is the scheme's default (captured: case 179).
  if (text === '') return { port: String(aprSchemePort(scheme)), valid: true };
  const digits = /^\d*/.exec(text)?.[0] ?? '';
  return { port: digits === '' ? null : String(Number(digits)), valid: digits === text };
}

/**
 * SERVER_NAME and SERVER_PORT under UseCanonicalName Off: from the absolute-form target or Host (as fix_hostname
 * leaves it, see apache-host.ts; an IPv6 literal in brackets, as ap_get_server_name_for_url writes it), else the
 * server's own. `bare` gives the name as ap_get_server_name returns it (no brackets): the signature's.
 */
export function apacheServerNameAndPort(context: RequestContext, bare = false): { name: string; port: string } {
  const own = { name: REFERENCE_SITE.apacheServerName, port: REFERENCE_SITE.serverPort };
  // A target Apache could not parse names no host: the server's own name, with the port read so far (found by
  // the variant generator).
  const uri = apacheUriPort(context);
  if (uri?.valid === false) return { name: own.name, port: uri.port ?? own.port };
  const authority = apacheAuthority(context);
  if (authority !== null) {
    // apr_uri_parse leaves out the user part, and ap_get_server_name an IPv6 literal's brackets.
    const { name, port } = splitHostPort(authority.replace(/^[^@]*@/, ''));
    const shown = bare ? name.replace(/^\[(.*)\]$/, '$1') : name;
    return { name: shown.toLowerCase(), port: uri?.port ?? (port || REFERENCE_SITE.serverPort) };
  }
  // An https:// target's port stays in r->parsed_uri unless Host gives one (captured: case 140).
  const targetPort = apacheUriPort(context)?.port ?? null;
  const value = apacheHostValue(context);
  const host = value === null ? null : apacheHost(value);
  if (host === null) return targetPort === null ? own : { name: own.name, port: targetPort };
  // A refused name leaves the server's own, but a port read before it stays (the 400 page names it).
  if (host.kind === 'invalid') return { name: own.name, port: host.port ?? targetPort ?? own.port };
  const name = host.ipv6 && !bare ? `[${host.name}]` : host.name;
  return { name, port: host.port ?? targetPort ?? REFERENCE_SITE.serverPort };
}

/** Debian's security.conf sets ServerSignature On: this line goes into SERVER_SIGNATURE and error pages. */
export function apacheSignature(software: string, context: RequestContext | null): string {
  const { name, port } = context
    ? apacheServerNameAndPort(context, true)
    : { name: REFERENCE_SITE.apacheServerName, port: REFERENCE_SITE.serverPort };
  return `<address>${software} Server at ${name} Port ${port}</address>\n`;
}

/**
 * The signature of a page for a request refused while it was read (no request context yet): ap_parse_request_line
 * has already parsed the URI, so an absolute-form target's host names the server (as written); the
 * port stays the connection's unless the target gives one. Captured by the variant generator (case 85): a LF-only
 * header line, a tab separator, a fragment or a bad version after `http://other.test/…` all say `other.test`.
 */
export function apacheSignatureForLine(software: string, lineTarget: string | undefined): string {
  // Only an http:// target (in any case) names the host, as written; another scheme's leaves the server's own name
  // (captured by the variant generator: `HTTP://EXAMPLE.TEST/` shows `EXAMPLE.TEST`, `https://example.test/` does not).
  // Either gives its port, an empty one being the scheme's (`https://example.test:/` shows 443; captured: case 179).
  const uri = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(lineTarget ?? '');
  if (!uri) return apacheSignature(software, null);
  const scheme = uri[1] ?? '';
  const { name, port } = splitHostPort((uri[2] ?? '').replace(/^[^@]*@/, ''));
  const shownPort = port === '' ? String(aprSchemePort(scheme)) : (port ?? REFERENCE_SITE.serverPort);
  const shownName =
    scheme.toLowerCase() === 'http' ? name.replace(/^\[(.*)\]$/, '$1') : REFERENCE_SITE.apacheServerName;
  return `<address>${software} Server at ${shownName} Port ${shownPort}</address>\n`;
}

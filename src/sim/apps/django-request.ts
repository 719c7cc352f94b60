import type { Environ } from '../wsgi/environ.ts';
import { latin1Bytes, pyQuote } from './python-text.ts';

/**
 * What Django 3.2's WSGIRequest reads from the environ (django/core/handlers/wsgi.py, django/http/request.py), as
 * the example project's middleware and views use it.
 */
export interface DjangoRequest {
  /** REQUEST_METHOD upper-cased. */
  method: string;
  /** PATH_INFO as text: its bytes decoded as UTF-8, bytes that are not UTF-8 percent-encoded (repercent_broken_unicode). */
  pathInfo: string;
  /** SCRIPT_NAME without its trailing slash, then PATH_INFO without its first slash. */
  path: string;
  queryString: string;
}

/** Builds the request attributes as WSGIRequest.__init__ does. */
export function djangoRequest(environ: Environ): DjangoRequest {
  const pathInfo = repercentBrokenUnicode(environ.str('PATH_INFO') || '/') || '/';
  const scriptName = new TextDecoder().decode(latin1Bytes(environ.str('SCRIPT_NAME')));
  return {
    method: environ.str('REQUEST_METHOD').toUpperCase(),
    pathInfo,
    path: `${scriptName.replace(/\/+$/, '')}/${pathInfo.replace('/', '')}`,
    queryString: environ.str('QUERY_STRING'),
  };
}

/** django.utils.encoding.repercent_broken_unicode: UTF-8 text, with each byte that breaks the UTF-8 percent-encoded. */
function repercentBrokenUnicode(bytesAsStr: string): string {
  const bytes = latin1Bytes(bytesAsStr);
  const strict = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  let at = 0;
  while (at < bytes.length) {
    const length = [1, 2, 3, 4].find((n) => decodes(strict, bytes.subarray(at, at + n)));
    if (length === undefined) {
      out += `%${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
      at += 1;
    } else {
      out += strict.decode(bytes.subarray(at, at + length));
      at += length;
    }
  }
  return out;
}

function decodes(decoder: TextDecoder, bytes: Uint8Array): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** django.http.cookie.parse_cookie: `;`-separated pairs, names and values stripped, the last of a name wins. */
export function djangoCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const chunk of header.split(';')) {
    const eq = chunk.indexOf('=');
    const [name, value] = eq < 0 ? ['', chunk] : [chunk.slice(0, eq), chunk.slice(eq + 1)];
    if (name.trim() || value.trim()) cookies.set(name.trim(), value.trim());
  }
  return cookies;
}

/**
 * HttpRequest.get_full_path(force_append_slash=True) as CommonMiddleware's APPEND_SLASH redirect uses it:
 * escape_uri_path(path) + "/" + "?" + iri_to_uri(QUERY_STRING), then iri_to_uri again when the redirect sets Location.
 */
export function fullPathWithSlash(request: DjangoRequest): string {
  const path = pyQuote(request.path, "/:@&+$,-_.!~*'()");
  const query = request.queryString ? `?${iriToUri(request.queryString)}` : '';
  // django.utils.http.escape_leading_slashes: "//host" would be a scheme-relative URL.
  const full = `${path}${request.path.endsWith('/') ? '' : '/'}${query}`.replace(/^\/\//, '/%2F');
  return iriToUri(full);
}

/** django.utils.encoding.iri_to_uri. */
function iriToUri(iri: string): string {
  return pyQuote(iri, "/#%[]=:;$&()+,!?*@'~");
}

/**
 * HttpRequest.get_host() checked against ALLOWED_HOSTS (validate_host, split_domain_port): the Host header, or
 * SERVER_NAME with SERVER_PORT when there is none; null when Django raises DisallowedHost.
 */
export function allowedHost(environ: Environ, allowedHosts: readonly string[]): string | null {
  const port = environ.str('SERVER_PORT');
  const host = environ.has('HTTP_HOST')
    ? environ.str('HTTP_HOST')
    : `${environ.str('SERVER_NAME')}${port === '80' ? '' : `:${port}`}`;
  const lower = host.toLowerCase();
  if (!/^([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9.:]+\])(:\d+)?$/.test(lower)) return null;
  const domain = lower.endsWith(']') ? lower : lower.replace(/:\d+$/, '').replace(/\.$/, '');
  return domain && allowedHosts.some((pattern) => pattern === '*' || pattern === domain) ? host : null;
}

import type { RequestContext } from '../request-context.ts';
import { normalizePath, percentDecode } from '../../http/target.ts';

const UNRESERVED = /[A-Za-z0-9\-._~]/;
/**
 * Characters lighttpd leaves as they are in a URL (burl.c, encoded_chars_http_uri_reqd: "everything except
 * ! $ & ' ( ) * + , - . / 0-9 : ; = ? @ A-Z _ a-z ~" is encoded, so `[` and `]` become %5B and %5D; captured: 106).
 */
const ALLOWED = /[A-Za-z0-9\-._~:/?@!$&'()*+,;=]/;

/**
 * Debian's server.http-parseopts applied to one URL component: url-normalize-unreserved decodes %XX of unreserved
 * characters, url-path-2f-decode turns %2F into "/", url-normalize-required upper-cases the other escapes and
 * encodes what must be encoded (a stray "%", bytes above 0x7F).
 */
function normalizeComponent(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        const decoded = String.fromCharCode(parseInt(hex, 16));
        out += UNRESERVED.test(decoded) || decoded === '/' ? decoded : `%${hex.toUpperCase()}`;
        i += 2;
      } else {
        out += '%25';
      }
    } else {
      out += ALLOWED.test(char) ? char : `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/**
 * The path and the query as lighttpd cuts the target: at its **last** `?`, so a `?` inside the query ends up in
 * the path (`/app/?a?b`: PATH_INFO `/?a`, QUERY_STRING `b`; observed on lighttpd-cgi and lighttpd-fastcgi-flup).
 */
function lighttpdParts(context: RequestContext): { path: string; query: string | null } {
  const { path, query } = context.target;
  const last = query === null ? -1 : query.lastIndexOf('?');
  if (query === null || last < 0) return { path, query };
  return { path: `${path}?${query.slice(0, last)}`, query: query.slice(last + 1) };
}

/** The path after normalisation, dot-segment removal and slash merging. */
export function lighttpdNormalizedPath(context: RequestContext): string {
  return normalizePath(normalizeComponent(lighttpdParts(context).path), true);
}

/** The query after the same normalisation (lighttpd rewrites it too), or null when there was none. */
export function lighttpdNormalizedQuery(context: RequestContext): string | null {
  const { query } = lighttpdParts(context);
  return query === null ? null : normalizeComponent(query);
}

/** The fully decoded path lighttpd maps to files and splits into SCRIPT_NAME/PATH_INFO. */
export function lighttpdDecodedPath(context: RequestContext): string {
  return percentDecode(lighttpdNormalizedPath(context));
}

/**
 * Where lighttpd's URL normalisation refuses the target (400), as an offset into it, or -1: a control character
 * decoded from `%XX` (url-ctrls-reject; raw ones never get this far), and a byte that no UTF-8 text holds (0xC0,
 * 0xC1, 0xF5–0xFF), raw or encoded, in the path or the query (url-normalize-required). Bytes that only make an
 * invalid sequence (a lone 0xE9, an encoded surrogate) pass. Probed byte by byte on lighttpd-cgi and
 * lighttpd-fastcgi-flup; captured: 105.
 */
export function lighttpdRefusedAt(target: string): number {
  const end = target.search(/#/);
  const text = end < 0 ? target : target.slice(0, end);
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '%' ? text.slice(i + 1, i + 3) : '';
    const byte = /^[0-9a-fA-F]{2}$/.test(hex) ? parseInt(hex, 16) : text.charCodeAt(i);
    const control = hex !== '' && (byte < 0x20 || byte === 0x7f);
    if (control || byte === 0xc0 || byte === 0xc1 || byte >= 0xf5) return i;
  }
  return -1;
}

/** Debian's `url.access-deny = ( "~", ".inc" )`: mod_access refuses a decoded path ending in either (403). */
export function lighttpdAccessDenied(context: RequestContext): boolean {
  const path = lighttpdDecodedPath(context);
  return path.endsWith('~') || path.endsWith('.inc');
}

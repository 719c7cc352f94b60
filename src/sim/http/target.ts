/** The parts of a request-target (RFC 9112 §3.2). */
export interface RequestTarget {
  form: 'origin' | 'absolute' | 'authority' | 'asterisk';
  /** Path as sent (still percent-encoded); for absolute-form, the path after the authority. */
  path: string;
  /** Query without the `?`, or null when there was no `?`. */
  query: string | null;
  /** Authority from an absolute-form target. */
  authority: string | null;
  scheme: string | null;
}

/**
 * The start of a target as nginx's request-line parser reads it (ngx_http_parse_request_line: sw_schema, sw_host,
 * sw_host_ip_literal, sw_host_end, sw_port): a path, or `scheme://`, a host of letters, digits, `.` and `-` (or an
 * IP literal in brackets) and an optional port of digits, followed by the path, the query or the end of the target.
 * Any other character there (`#`, `_`, `@`…) makes the request line invalid (captured: case 132).
 */
export const NGINX_TARGET_START =
  /^(?:\/|[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:\[[0-9A-Za-z:._~!$&'()*+,;=-]*\]|[A-Za-z0-9.-]*)(?::\d*)?(?:[/?]|$))/;

const RE_ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)(.*)$/;
const RE_SCHEME_PATH = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?!\/\/)(.*)$/s;

/**
 * How a server reads a target that starts with a scheme but no `//`. `rfc`: it is no absolute-form (RFC 9112 §3.2.2
 * wants `absolute-URI`, whose `hier-part` every server here reads as `//authority`), so the target is authority-form
 * (refused for any method but CONNECT). `apr-uri`: Apache's apr_uri_parse takes any `scheme:` and then a path, so
 * `http:/app/` is the URI `/app/` with the scheme http and no host (captured: cases 163–171).
 */
export type TargetSyntax = 'rfc' | 'apr-uri';

/** The syntax a server reads this method's target with: Apache parses a CONNECT's with apr_uri_parse_hostinfo. */
export function targetSyntaxFor(method: string, syntax: TargetSyntax | undefined): TargetSyntax {
  return method === 'CONNECT' ? 'rfc' : (syntax ?? 'rfc');
}

/**
 * With `apr-uri` syntax, the path of a `scheme:path` target as sent, when it is not empty and does not start with
 * `/`: ap_parse_request_line refuses it ("Invalid request-target per RFC 7230 section 5.3"); else null.
 */
export function relativeSchemePath(target: string): string | null {
  const rest = RE_ABSOLUTE.test(target) ? null : RE_SCHEME_PATH.exec(target)?.[2];
  const path = rest?.split(/[?#]/, 1)[0] ?? '';
  return path !== '' && !path.startsWith('/') ? path : null;
}

/**
 * Whether an absolute-form target (`scheme://host`, or with `apr-uri` syntax `scheme:`) has no path before its
 * query: RFC 9112 §3.2.4 has a client send `*` for OPTIONS then, and Apache's ap_parse_uri reads such an OPTIONS
 * as `OPTIONS *` (captured: cases 167, 172).
 */
export function hasEmptyUriPath(target: string): boolean {
  const rest = RE_ABSOLUTE.exec(target)?.[3] ?? RE_SCHEME_PATH.exec(target)?.[2];
  return rest !== undefined && (rest === '' || rest.startsWith('?') || rest.startsWith('#'));
}

/**
 * Splits a request-target into form, path, query and (absolute-form) authority. With `apr-uri` syntax a
 * `scheme:path` target is absolute-form without an authority, and its empty path is `/` (ap_parse_uri).
 */
export function splitTarget(target: string, syntax: TargetSyntax = 'rfc'): RequestTarget {
  if (target === '*') return { form: 'asterisk', path: '*', query: null, authority: null, scheme: null };
  const absolute = RE_ABSOLUTE.exec(target);
  const schemePath = syntax === 'apr-uri' && !absolute ? RE_SCHEME_PATH.exec(target) : null;
  let rest = target;
  let authority: string | null = null;
  let scheme: string | null = null;
  let form: RequestTarget['form'] = 'origin';
  if (absolute) {
    scheme = absolute[1] ?? '';
    authority = absolute[2] ?? '';
    rest = absolute[3] ?? '';
    form = 'absolute';
  } else if (schemePath) {
    scheme = schemePath[1] ?? '';
    rest = schemePath[2] ?? '';
    form = 'absolute';
  } else if (!target.startsWith('/')) {
    return { form: 'authority', path: target, query: null, authority: target, scheme: null };
  }
  // An absolute URI without a path (`http://host?x`) has the path `/`, as in origin-form (RFC 9112 §3.2.1).
  if (form === 'absolute' && !rest.startsWith('/')) rest = `/${rest}`;
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  return { form, path: q < 0 ? rest : rest.slice(0, q), query: q < 0 ? null : rest.slice(q + 1), authority, scheme };
}

/** Percent-decodes a path byte-wise into latin-1 text; malformed escapes are kept as they are. */
export function percentDecode(path: string, keepEncodedSlash = false): string {
  if (!path.includes('%')) return path;
  return path.replace(/%([0-9a-fA-F]{2})/g, (whole, hex: string) => {
    const code = parseInt(hex, 16);
    if (keepEncodedSlash && code === 0x2f) return whole;
    return String.fromCharCode(code);
  });
}

/** Removes dot segments (RFC 3986 §5.2.4) and, optionally, merges repeated slashes. */
export function normalizePath(path: string, mergeSlashes: boolean): string {
  const input = mergeSlashes ? path.replace(/\/{2,}/g, '/') : path;
  const out: string[] = [];
  const segments = input.split('/');
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    if (segment === '.') {
      if (i === segments.length - 1) out.push('');
      continue;
    }
    if (segment === '..') {
      out.pop();
      if (i === segments.length - 1) out.push('');
      continue;
    }
    out.push(segment);
  }
  return `/${out.join('/')}`;
}

/**
 * Whether a decoded path's `..` segments climb above the root (`/..`, `/a/../../b`), empty segments counting for
 * nothing (both servers that refuse it merge slashes first): nginx's ngx_http_parse_complex_uri and Apache's
 * ap_normalize_path (AP_NORMALIZE_NOT_ABOVE_ROOT) answer 400 where RFC 3986 §5.2.4 would stop at the root.
 */
export function climbsAboveRoot(path: string): boolean {
  let depth = 0;
  for (const segment of path.split('/').slice(1)) {
    if (segment === '..') {
      if (depth === 0) return true;
      depth--;
    } else if (segment !== '.' && segment !== '') depth++;
  }
  return false;
}

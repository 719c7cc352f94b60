/**
 * How a server reads the HTTP-version at the end of the request line. RFC 9112 §2.3: `HTTP-version = HTTP-name "/"
 * DIGIT "." DIGIT`; servers read it in their own ways, and answer 400 or 505 for what they do not take.
 */

/**
 * - `digit-dot-digit`: RFC 9112 §2.3 exactly (Apache's `HttpProtocolOptions Strict`, server/protocol.c
 *   ap_parse_request_line); a 0.x version is 400 ("HTTP/0.9 does not take a protocol").
 * - `nginx-digits`: ngx_http_parse_request_line (src/http/ngx_http_parse.c): `HTTP/`, a major version of digits
 *   without a leading zero, refused with 505 as soon as it is above 1 (`HTTP/2`, `HTTP/10.0`), a dot, then a minor
 *   version of one to three digits: any 1.x is taken (`HTTP/1.10`, `HTTP/1.2`); anything else is 400.
 * - `lighttpd-suffix`: http_request_parse_reqline (src/request.c): the line must end in ` HTTP/1.1` or ` HTTP/1.0`;
 *   else the word after the second space is looked at: not `HTTP/` is 400, `HTTP/1.0` or `HTTP/1.1` with more
 *   after it 400, any other `HTTP/…` 505 (`HTTP/1`, `HTTP/01.1`, `HTTP/0.9`).
 * - `python-words`: BaseHTTPRequestHandler.parse_request (Lib/http/server.py): `HTTP/`, then exactly two
 *   dot-separated runs of at most 10 digits read as integers (`HTTP/01.1` is 1.1, `HTTP/0.9` is 0.9); else 400
 *   "Bad request version"; (2, 0) or above 505 "Invalid HTTP version".
 * - `cheroot`: HTTPRequest.read_request_line (cheroot/server.py): `HTTP/`, `split(b'.', 1)` into two parts read
 *   by int(); above (1, 1) 505 "Cannot fulfill request"; another major version than 1 is 505 too, but only after
 *   the target was checked (see `versionAfterTarget`).
 */
export type VersionSyntax = 'digit-dot-digit' | 'nginx-digits' | 'lighttpd-suffix' | 'python-words' | 'cheroot';

/** A version the server refuses: the status, and what it quotes of it (the version, or its number for a 505). */
export interface VersionRefusal {
  status: 400 | 505;
  code: 'bad-version' | 'unsupported-version';
  quoted: string;
  /** Where the refusal points, from the start of the version. */
  at: number;
}

const RE_DIGIT_DOT_DIGIT = /^HTTP\/(\d)\.(\d)$/;

/** The version as a number pair, as the server reads it, or why it refuses it. */
export function readVersion(
  version: string,
  syntax: VersionSyntax,
  laterVersions: 'reject' | 'accept',
): VersionRefusal | { major: number; minor: number } {
  switch (syntax) {
    case 'digit-dot-digit': {
      const match = RE_DIGIT_DOT_DIGIT.exec(version);
      if (!match) return refuse(400, version);
      const [major, minor] = [Number(match[1]), Number(match[2])];
      if (major === 0) return refuse(400, version, 5);
      if (major > 1 && laterVersions === 'reject') return refuse(505, version.slice(5));
      return { major, minor };
    }
    case 'nginx-digits':
      return nginxVersion(version);
    case 'lighttpd-suffix':
      // Only reached for a version the fast path took (HTTP/1.0, HTTP/1.1); see `lighttpdVersion`.
      return version === 'HTTP/1.1' || version === 'HTTP/1.0'
        ? { major: 1, minor: Number(version[7]) }
        : refuse(400, version);
    case 'python-words': {
      if (!version.startsWith('HTTP/')) return refuse(400, version);
      const parts = version.slice(5).split('.');
      if (parts.length !== 2 || parts.some((part) => !/^\d{1,10}$/.test(part))) return refuse(400, version);
      const [major, minor] = parts.map(Number) as [number, number];
      if (major >= 2) return refuse(505, version.slice(5), 5);
      return { major, minor };
    }
    case 'cheroot': {
      if (!version.startsWith('HTTP/')) return refuse(400, version);
      const dot = version.indexOf('.', 5);
      if (dot < 0) return refuse(400, version, 5);
      const [major, minor] = [pythonInteger(version.slice(5, dot)), pythonInteger(version.slice(dot + 1))];
      if (major === null || minor === null) return refuse(400, version, 5);
      if (major > 1 || (major === 1 && minor > 1)) return refuse(505, version.slice(5), 5);
      return { major, minor };
    }
  }
}

function refuse(status: 400 | 505, quoted: string, at = 0): VersionRefusal {
  return { status, code: status === 505 ? 'unsupported-version' : 'bad-version', quoted, at };
}

/** int() of an ASCII text: surrounding whitespace, a sign, `_` between digits. */
function pythonInteger(text: string): number | null {
  const match = /^[ \t\n\v\f\r]*([+-]?)(\d+(?:_\d+)*)[ \t\n\v\f\r]*$/.exec(text);
  if (!match) return null;
  const value = Number((match[2] ?? '').replace(/_/g, ''));
  return match[1] === '-' ? -value : value;
}

/** ngx_http_parse_request_line's states from `sw_http_H` to `sw_minor_digit`, on the version's characters. */
function nginxVersion(version: string): VersionRefusal | { major: number; minor: number } {
  if (!version.startsWith('HTTP/')) return refuse(400, version);
  let at = 5;
  // sw_first_major_digit: 1–9; sw_major_digit: more digits, a major above 1 is NGX_HTTP_PARSE_INVALID_VERSION.
  const first = version.charCodeAt(at);
  if (!(first >= 0x31 && first <= 0x39)) return refuse(400, version, at);
  let major = 0;
  while (at < version.length && /\d/.test(version[at] ?? '')) {
    if (major > 99) return refuse(400, version, at);
    major = major * 10 + Number(version[at]);
    if (major > 1) return refuse(505, version.slice(5), at);
    at++;
  }
  if (version[at] !== '.') return refuse(400, version, at);
  at++;
  // sw_first_minor_digit, sw_minor_digit: digits up to a minor version of 999.
  if (!/\d/.test(version[at] ?? '')) return refuse(400, version, at);
  let minor = 0;
  while (at < version.length) {
    if (!/\d/.test(version[at] ?? '') || minor > 99) return refuse(400, version, at);
    minor = minor * 10 + Number(version[at]);
    at++;
  }
  return { major, minor };
}

/**
 * lighttpd reads the version first, from the end of the line: ` HTTP/1.1` or ` HTTP/1.0` there (the fast path), or
 * else the word after the second space (http_request_parse_proto_loose with strict parsing). Returns the version
 * and the offset where it starts in the line, or the refusal.
 */
export function lighttpdVersion(line: string): VersionRefusal | { version: string; at: number } {
  const tail = line.slice(-9);
  if (tail === ' HTTP/1.1' || tail === ' HTTP/1.0') return { version: tail.slice(1), at: line.length - 8 };
  const first = line.indexOf(' ');
  const second = first < 0 ? -1 : line.indexOf(' ', first + 1);
  if (second < 0) return { ...refuse(400, line), at: line.length };
  const proto = line.slice(second + 1);
  if (!proto.startsWith('HTTP/')) return { ...refuse(400, proto), at: second + 1 };
  if (/^HTTP\/1\.[01]/.test(proto)) return { ...refuse(400, proto), at: second + 9 };
  return { ...refuse(505, proto.slice(5)), at: second + 1 };
}

/** Whether a version the server took is HTTP/1.1 or later (persistent connections, chunked responses). */
export function isHttp11OrLater(version: string): boolean {
  const match = /^HTTP\/0*(\d+)\.0*(\d+)$/.exec(version);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 1 || (major === 1 && minor >= 1);
}

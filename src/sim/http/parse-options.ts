import { NO_LIMITS, type RequestLimits } from './request-limits.ts';
import type { VersionSyntax } from './request-version.ts';
import type { TargetSyntax } from './target.ts';

/** Options that decide how strictly a server parses a request (RFC 9112 leaves several choices to it). */
export interface HttpParseOptions {
  /** RFC 9112 §2.2: a recipient MAY accept a bare LF as a line terminator. */
  allowBareLf: boolean;
  /**
   * Without `allowBareLf`: whether the empty line that ends the header section may still be a bare LF (lighttpd
   * looks for the end of the head with either ending, and checks each field line's CR on its own; request.c).
   */
  bareLfEmptyLine: 'reject' | 'allow';
  /**
   * RFC 9112 §2.2: "a server that is expecting to receive and parse a request-line SHOULD ignore at least one empty
   * line (CRLF) received prior to the request-line". `skip`: any CRs and LFs (nginx's sw_start); `skip-crlf`: CRLF
   * lines only, a bare LF being a bare LF (Apache's read_request_line); `skip-one-crlf`: one CRLF, the next line
   * being the request line whatever it holds (Cheroot); `reject`: 400 (lighttpd); `close`: the connection is closed
   * without an answer (Python's http.server: an empty line has no words, parse_request returns False).
   */
  leadingEmptyLines: 'skip' | 'skip-crlf' | 'skip-one-crlf' | 'reject' | 'close';
  /** RFC 9112 §5.2 obs-fold: reject, replace the fold by one space, or replace CR and LF each by a space. */
  obsFold: 'reject' | 'join-with-space' | 'spaces-for-crlf' | 'keep-crlf';
  /** A field line without a colon: reject, keep it with an empty value, skip it, or end the header section there (Python's email parser). */
  missingColon: 'reject' | 'empty-value' | 'skip' | 'end-headers';
  /**
   * Stream-style servers (Python's http.server family) do not frame the body themselves: no Content-Length checks,
   * and the body is everything after the header section, which the application reads as far as CONTENT_LENGTH says.
   */
  streamBody: boolean;
  /** With `streamBody`: de-chunk a chunked body (Werkzeug, Cheroot) or leave it raw (wsgiref). */
  transferCoding: 'decode' | 'ignore';
  /** RFC 9112 §6.1: Content-Length together with Transfer-Encoding: reject, or let chunked win and drop the length. */
  lengthConflict: 'reject' | 'chunked-wins';
  /** RFC 9112 §6.3: several Content-Length fields: reject, accept them when all values are equal, or let the last win. */
  duplicateContentLength: 'reject' | 'accept-equal' | 'last-wins';
  /** RFC 9112 §5.1: whitespace between field name and colon: reject (MUST), trim it off the name, or drop the field. */
  spaceBeforeColon: 'reject' | 'trim' | 'drop' | 'end-headers';
  /**
   * RFC 9110 §5.1: a field name is a token. A visible character that is not a tchar in a name (`/`, `(`, `@`…):
   * reject (400), skip the field line (nginx's `ignore_invalid_headers on`), or keep the field as named.
   */
  invalidNameCharacters: 'reject' | 'skip' | 'keep';
  /** RFC 9110 §5.5: control characters (other than HTAB) in a field value: reject or pass on. */
  controlCharacters: 'reject' | 'allow';
  /**
   * A `#fragment` in the request target (not allowed by RFC 9112 §3.2): reject, keep, or reject only a non-empty
   * one (Cheroot looks at urlsplit's fragment, which is empty for a bare `#`).
   */
  fragment: 'reject' | 'allow' | 'reject-nonempty';
  /**
   * How the request line is cut into method, target and version. RFC 9112 §3: `request-line = method SP
   * request-target SP HTTP-version`, and no whitespace inside the target. `strict` rejects any whitespace in the
   * target; `first-and-last-space` reads the method up to the first SP and the version after the last, and keeps
   * the SPs between in the target (lighttpd); `whitespace-words` splits at runs of any whitespace and refuses more
   * than three words (Python's http.server); `first-two-spaces` splits at the first two SPs only, so a tab stays in
   * the target and everything after the second SP is the version (Cheroot); `space-runs` takes one or more SPs
   * between the parts and after the version, a tab being no separator (nginx's `sw_spaces_before_uri`, `sw_http_09`
   * and `sw_spaces_after_digit` states in ngx_http_parse_request_line).
   */
  requestLineSplit: 'strict' | 'first-and-last-space' | 'whitespace-words' | 'first-two-spaces' | 'space-runs';
  /** How the HTTP-version is read and which versions are refused with 400 or 505 (see `VersionSyntax`). */
  versionSyntax: VersionSyntax;
  /**
   * A request line of two words, without a version (HTTP/0.9's simple request, RFC 1945 §4.1): `serve-get` serves a
   * GET as HTTP/0.9, reading no header section and answering with the body alone, and refuses another method with
   * 400, answered as HTTP/0.9 too (nginx's sw_http_09 state and NGX_HTTP_PARSE_INVALID_09_METHOD);
   * `serve-get-strict` the same, the 400 being an HTTP/1.1 answer (Apache's `HttpProtocolOptions Strict
   * Allow0.9`); `wait-get` waits for a header section after a GET (the client gives up first) and refuses another
   * method with 400 as HTTP/0.9 (Python's parse_request: "Bad HTTP/0.9 request type"); `wait` waits for the end
   * of the head whatever the method (lighttpd); `malformed` takes the line for a malformed one (Cheroot).
   */
  simpleRequests: 'serve-get' | 'serve-get-strict' | 'wait-get' | 'wait' | 'malformed';
  /**
   * Whether the server reads the whole head (to its empty line) before it parses any of it, so that a head over
   * `limits.head` is refused before the request line is looked at: lighttpd's connection reads the head into one
   * buffer first (captured by the variant generator: an unknown method or a bad version with a 9,000-byte field is
   * 431, not 501 or 505, and a HEAD's 431 carries the page, the method not being known yet).
   */
  readsHeadFirst?: boolean;
  /**
   * A second Host field line (RFC 9112 §3.2: a request with more than one Host is answered with 400): `reject`
   * (the default), or `keep` both for the gateway to join or replace as it does any repeated field (Cheroot's
   * read_headers looks at no field but the framing ones; captured: case 145).
   */
  repeatedHost?: 'reject' | 'keep';
  /**
   * A CR not followed by LF inside a field line (RFC 9112 §2.2: reject it or replace it with SP): `reject` (the
   * default, 400), `keep` it in the value (Cheroot splits lines at CRLF only), or `ends-line`: the email parser
   * Python's http.server hands the header block to takes it for a line end (captured by the variant generator:
   * `X-Bare-Cr: a\rb` is `X-Bare-Cr: a`, then a line `b` without a colon that ends the fields).
   */
  bareCrInField?: 'reject' | 'keep' | 'ends-line';
  /**
   * When a field line's own faults (no colon, a bad name) are found: as it is read (the default), or only once the
   * next line has been read, as Apache's ap_get_mime_headers_core judges a line after it knows the next is no
   * continuation, so a next line over the field size limit is refused first (found by the variant generator).
   */
  fieldChecks?: 'on-read' | 'after-next-line';
  /**
   * What the limit on the number of header fields counts: every line of the header section (`line`, the default:
   * Python's http.client) or each field, its obs-fold continuation lines not counted (`field`: Apache's
   * ap_get_mime_headers_core counts `fields_read` only for a line that does not continue the one before).
   */
  fieldCountUnit?: 'line' | 'field';
  /** Raw bytes above 0x7F in the request target: reject or pass on. */
  nonAsciiTarget: 'reject' | 'allow';
  /** With `digit-dot-digit`: a request line claiming HTTP/2.x or later: answer 505, or carry on as if it were 1.1. */
  laterVersions: 'reject' | 'accept';
  /**
   * A chunked body over `limits.body`: refused as it is parsed (`parse`), or only where a handler reads the body
   * (`reader`): nginx counts a chunked body in ngx_http_request_body_chunked_filter, which runs for fastcgi_pass,
   * uwsgi_pass and proxy_pass, while the static handler's ngx_http_discard_request_body counts nothing (a
   * Content-Length over the limit is refused for every location, by ngx_http_core_find_config_phase).
   */
  chunkedBodyLimit: 'parse' | 'reader';
  /** RFC 9112 §3.2: a 1.1 request without Host must be rejected with 400. */
  requireHost: boolean;
  /** The server's limits on the request line, the field lines, the head and the body (its profile's `limits` table). */
  limits: RequestLimits;
  /**
   * Transfer-Encoding in an HTTP/1.0 request (RFC 9112 §6.1: a server MAY treat such a message as faulty): reject
   * it with 400 before looking at the codings (nginx, lighttpd), honour it, or ignore it and read no body (Cheroot).
   */
  transferEncodingHttp10: 'reject' | 'honour' | 'ignore';
  /**
   * Codings before the final chunked (`gzip, chunked`): answer 501 (only `chunked` alone is understood), or
   * de-chunk the body and hand the other codings on undone (Apache's ap_is_chunked looks at the last coding only).
   */
  codingsBeforeChunked: 'reject' | 'pass-on';
  /**
   * How Content-Length values and chunk sizes are read: RFC 9112's digits (`strict`), or as Python's `int(text,
   * base)` reads them, which allows surrounding whitespace, a sign, `_` between digits and a `0x` prefix in base 16.
   */
  numberSyntax: 'strict' | 'python-int';
  /**
   * What a chunk-size line may hold: RFC 9112 §7.1 (`rfc`: hex digits, then extensions), or Python's `int(text,
   * 16)` on the text before the first `;` (Cheroot's ChunkedRFile) or on the whole line (Werkzeug's
   * DechunkedInput, which therefore refuses any extension).
   */
  chunkSizeSyntax: 'rfc' | 'python-before-semicolon' | 'python-whole-line';
  /**
   * Which whitespace is trimmed around a field value: RFC 9110 §5.5's OWS, SP and HTAB (`sp-htab`), or SP alone
   * (`sp`: nginx's ngx_http_parse_header_line skips only SPs in sw_space_before_value and sw_space_after_value, so a
   * tab stays part of the value, and of a Content-Length, Transfer-Encoding or Host value it then refuses).
   */
  valueWhitespace: 'sp-htab' | 'sp';
  /** A field value's trailing whitespace: trimmed (RFC 9112 §5.1), or kept (Python's email parser strips only the leading). */
  valueTrailingWhitespace: 'trim' | 'keep';
  /**
   * A malformed chunked body: rejected while the request is parsed, or left for whoever reads the body (the
   * request carries `bodyError`, and the server or the application decides what that costs).
   */
  chunkErrors: 'reject' | 'defer';
  /**
   * RFC 9112 §3.2.3–3.2.4: the authority-form is for CONNECT and the asterisk-form for OPTIONS. `rfc` answers any
   * other method's use of them with 400 (lighttpd); `rfc-and-connect` also refuses a CONNECT whose target is not
   * host:port (Apache: ap_parse_uri reads it with apr_uri_parse_hostinfo); `any` passes them on.
   */
  targetFormMethods: 'rfc' | 'rfc-and-connect' | 'any';
  /** How a `scheme:` target without `//` is read (see TargetSyntax); `rfc` when absent. A CONNECT's is always `rfc`. */
  targetSyntax?: TargetSyntax;
  /**
   * What the server checks of the method, and when. `token` (RFC 9110 §9.1: method = token): another character is
   * 400 where the request line is read. `any`: nothing (Python's http.server takes any word). The other two are
   * made once the version has been read and before the target and the header section are looked at: `uppercase`,
   * a lower-case letter is 400 (Cheroot's read_request_line); `known`, a method missing from `knownMethods` is 501
   * (lighttpd's http_request_parse_reqline, get_http_method_key). `capitals`: only A–Z, `_` and `-`, refused with
   * 400 at the first other byte, as the line is read and so before the target and the version (nginx's sw_start
   * and sw_method states in ngx_http_parse_request_line: NGX_HTTP_PARSE_INVALID_METHOD).
   */
  methodCheck: 'token' | 'any' | 'uppercase' | 'known' | 'capitals';
  /** With `methodCheck: 'known'`: the methods the server knows (compared case-sensitively). */
  knownMethods?: ReadonlySet<string>;
  /**
   * A field line starting with its colon (an empty name): reject (400), skip the line (Python's email parser:
   * "Missing header name"), or keep it with an empty name (Cheroot's `line.split(b':', 1)`).
   */
  emptyName: 'reject' | 'skip' | 'keep';
  /**
   * A space or tab inside a field name (`X Space: 1`): reject (400), keep it in the name (Cheroot), or end the
   * header section there (Python's email parser takes only `[!-9;-~]*:` for a field line).
   */
  spaceInName: 'reject' | 'keep' | 'end-headers';
  /** A byte above 0x7F in a field name: reject (400), skip the line (nginx's ignore_invalid_headers), keep it, or end the header section (as `spaceInName`). */
  nonAsciiName: 'reject' | 'skip' | 'keep' | 'end-headers';
  /** A NUL byte in a field value (RFC 9110 §5.5: a recipient must reject or replace it): reject, or pass it on. */
  nulInValue: 'reject' | 'allow';
}

/** RFC 9112's MUST-level behaviour with the SHOULD/MAY choices taken the strict way. */
export const STRICT_HTTP_OPTIONS: HttpParseOptions = {
  allowBareLf: false,
  bareLfEmptyLine: 'reject',
  leadingEmptyLines: 'skip',
  obsFold: 'reject',
  missingColon: 'reject',
  lengthConflict: 'reject',
  duplicateContentLength: 'reject',
  spaceBeforeColon: 'reject',
  invalidNameCharacters: 'reject',
  controlCharacters: 'reject',
  fragment: 'reject',
  requestLineSplit: 'strict',
  versionSyntax: 'digit-dot-digit',
  simpleRequests: 'malformed',
  nonAsciiTarget: 'allow',
  laterVersions: 'reject',
  requireHost: true,
  chunkedBodyLimit: 'parse',
  streamBody: false,
  transferCoding: 'decode',
  limits: NO_LIMITS,
  transferEncodingHttp10: 'honour',
  codingsBeforeChunked: 'reject',
  numberSyntax: 'strict',
  chunkSizeSyntax: 'rfc',
  valueTrailingWhitespace: 'trim',
  valueWhitespace: 'sp-htab',
  chunkErrors: 'reject',
  targetFormMethods: 'any',
  methodCheck: 'token',
  emptyName: 'reject',
  spaceInName: 'reject',
  nonAsciiName: 'reject',
  nulInValue: 'reject',
};

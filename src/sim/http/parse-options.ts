import { NO_LIMITS, type RequestLimits } from './request-limits.ts';

/** Options that decide how strictly a server parses a request (RFC 9112 leaves several choices to it). */
export interface HttpParseOptions {
  /** RFC 9112 §2.2: a recipient MAY accept a bare LF as a line terminator. */
  allowBareLf: boolean;
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
  spaceBeforeColon: 'reject' | 'trim' | 'drop';
  /**
   * RFC 9110 §5.1: a field name is a token. A visible character that is not a tchar in a name (`/`, `(`, `@`…):
   * reject (400), skip the field line (nginx's `ignore_invalid_headers on`), or keep the field as named.
   */
  invalidNameCharacters: 'reject' | 'skip' | 'keep';
  /** RFC 9110 §5.5: control characters (other than HTAB) in a field value: reject or pass on. */
  controlCharacters: 'reject' | 'allow';
  /** A `#fragment` in the request target (not allowed by RFC 9112 §3.2): reject or keep. */
  fragment: 'reject' | 'allow';
  /**
   * How the request line is cut into method, target and version. RFC 9112 §3: `request-line = method SP
   * request-target SP HTTP-version`, and no whitespace inside the target. `strict` rejects any whitespace in the
   * target; `first-and-last-space` reads the method up to the first SP and the version after the last, and keeps
   * the SPs between in the target (lighttpd); `whitespace-words` splits at runs of any whitespace and refuses more
   * than three words (Python's http.server); `first-two-spaces` splits at the first two SPs only, so a tab stays in
   * the target and everything after the second SP is the version (Cheroot).
   */
  requestLineSplit: 'strict' | 'first-and-last-space' | 'whitespace-words' | 'first-two-spaces';
  /** Raw bytes above 0x7F in the request target: reject or pass on. */
  nonAsciiTarget: 'reject' | 'allow';
  /** A request line claiming HTTP/2.x or later: answer 505, or carry on as if it were 1.1. */
  laterVersions: 'reject' | 'accept';
  /** RFC 9112 §3.2: a 1.1 request without Host must be rejected with 400. */
  requireHost: boolean;
  /** The server's limits on the request line, the field lines, the head and the body (its profile's `limits` table). */
  limits: RequestLimits;
}

/** RFC 9112's MUST-level behaviour with the SHOULD/MAY choices taken the strict way. */
export const STRICT_HTTP_OPTIONS: HttpParseOptions = {
  allowBareLf: false,
  obsFold: 'reject',
  missingColon: 'reject',
  lengthConflict: 'reject',
  duplicateContentLength: 'reject',
  spaceBeforeColon: 'reject',
  invalidNameCharacters: 'reject',
  controlCharacters: 'reject',
  fragment: 'reject',
  requestLineSplit: 'strict',
  nonAsciiTarget: 'allow',
  laterVersions: 'reject',
  requireHost: true,
  streamBody: false,
  transferCoding: 'decode',
  limits: NO_LIMITS,
};

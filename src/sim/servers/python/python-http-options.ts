import type { HttpParseOptions } from '../../http/parse-options.ts';
import { parserLimits } from '../server-limits.ts';
import { PYTHON_HTTP_LIMITS } from './python-limits.ts';

/**
 * Python's http.server reads lines with readline() (bare LF is fine), hands header lines to the email parser
 * (a folded line keeps its CRLF, a line without a colon ends the headers) and never checks Host or framing. The
 * request line is split at whitespace (`requestline.split()` in BaseHTTPRequestHandler.parse_request).
 */
export const PYTHON_HTTP_OPTIONS: HttpParseOptions = {
  allowBareLf: true,
  bareLfEmptyLine: 'allow',
  leadingEmptyLines: 'close',
  obsFold: 'keep-crlf',
  missingColon: 'end-headers',
  lengthConflict: 'chunked-wins',
  duplicateContentLength: 'accept-equal',
  // http.client reads the lines, the email parser takes a field line only as `[!-9;-~]*:`; any other line ends
  // the fields (the rest is the message's payload, never read): whitespace before the colon or inside the name, a
  // byte above 0x7F. A line starting with its colon is skipped ("Missing header name"). Captured: cases 128–129.
  spaceBeforeColon: 'end-headers',
  spaceInName: 'end-headers',
  nonAsciiName: 'end-headers',
  emptyName: 'skip',
  nulInValue: 'allow',
  // The email parser takes any name up to the colon (captured: case 82).
  invalidNameCharacters: 'keep',
  controlCharacters: 'allow',
  fragment: 'allow',
  requestLineSplit: 'whitespace-words',
  versionSyntax: 'python-words',
  // parse_request with two words: close_connection, a GET reads the header section (and waits for it), another
  // method is send_error(400, "Bad HTTP/0.9 request type (%r)") before request_version is set.
  simpleRequests: 'wait-get',
  nonAsciiTarget: 'allow',
  laterVersions: 'reject',
  requireHost: false,
  chunkedBodyLimit: 'parse',
  streamBody: true,
  transferCoding: 'ignore',
  limits: parserLimits(PYTHON_HTTP_LIMITS),
  transferEncodingHttp10: 'honour',
  codingsBeforeChunked: 'reject',
  // int(value): the application reads CONTENT_LENGTH, Werkzeug's DechunkedInput int(line.strip(), 16).
  numberSyntax: 'python-int',
  chunkSizeSyntax: 'python-whole-line',
  // email.feedparser strips the value's leading whitespace and the line ending, nothing else.
  valueTrailingWhitespace: 'keep',
  valueWhitespace: 'sp-htab',
  // The body is read by the application, which sees the error (Werkzeug answers 500).
  chunkErrors: 'defer',
  targetFormMethods: 'any',
  // parse_request takes the first word as the method, whatever it holds (captured: G@T, case 123).
  methodCheck: 'any',
};

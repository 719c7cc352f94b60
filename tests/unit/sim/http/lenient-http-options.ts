import type { HttpParseOptions } from '../../../../src/sim/http/parse-options.ts';
import { NO_LIMITS } from '../../../../src/sim/http/request-limits.ts';

/** Tolerant choices for what RFC 9112 leaves open, so tests reach the parser's lenient branches. */
export const LENIENT_HTTP_OPTIONS: HttpParseOptions = {
  allowBareLf: true,
  obsFold: 'join-with-space',
  missingColon: 'skip',
  lengthConflict: 'chunked-wins',
  duplicateContentLength: 'accept-equal',
  spaceBeforeColon: 'trim',
  invalidNameCharacters: 'keep',
  controlCharacters: 'allow',
  fragment: 'allow',
  requestLineSplit: 'first-and-last-space',
  nonAsciiTarget: 'allow',
  laterVersions: 'accept',
  requireHost: false,
  streamBody: false,
  transferCoding: 'decode',
  limits: NO_LIMITS,
  transferEncodingHttp10: 'honour',
  codingsBeforeChunked: 'pass-on',
  numberSyntax: 'strict',
  chunkSizeSyntax: 'rfc',
  valueTrailingWhitespace: 'trim',
  chunkErrors: 'reject',
  targetFormMethods: 'any',
  methodCheck: 'token',
  emptyName: 'reject',
  spaceInName: 'reject',
  nonAsciiName: 'reject',
  nulInValue: 'reject',
};

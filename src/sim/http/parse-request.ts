import type {
  HeaderField,
  HttpErrorCode,
  HttpParseError,
  HttpParseResult,
  HttpRequest,
  HttpTolerance,
} from './types.ts';
import { headBufferReader, type LimitKind } from './request-limits.ts';
import { STRICT_HTTP_OPTIONS, type HttpParseOptions } from './parse-options.ts';
import { parseChunkedBody } from './parse-chunked.ts';
import { pythonInt } from './python-int.ts';
import { NGINX_TARGET_START, relativeSchemePath, splitTarget, targetSyntaxFor } from './target.ts';
import { isHttp11OrLater, lighttpdVersion, readVersion, type VersionRefusal } from './request-version.ts';
import { latin1 } from '../bytes.ts';
import { msg, type Message } from '../message.ts';

const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const HTAB = 0x09;
const COLON = 0x3a;

// RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
const TCHAR = new Uint8Array(256);
for (const c of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
  TCHAR[c.charCodeAt(0)] = 1;

/**
 * What each way of splitting the request line refuses inside the target: any whitespace or control (strict);
 * controls and a leading SP, SPs between being kept (lighttpd); controls other than the tab, which is part of the
 * target (Cheroot splits at SPs only).
 */
const TARGET_WHITESPACE: Readonly<Record<HttpParseOptions['requestLineSplit'], RegExp>> = {
  strict: /[\s\x00-\x1f\x7f]/,
  // http.server splits the line at what Python's str.split takes for whitespace and looks at nothing else: DEL and
  // the other control characters stay in the target (captured: 103; found by the variant generator).
  'whitespace-words': /(?!)/,
  'first-and-last-space': /^ |[\x00-\x1f\x7f]/,
  // Cheroot splits at the first two spaces and looks at no other byte of the target (found by the variant generator).
  'first-two-spaces': /(?!)/,
  'space-runs': /[\s\x00-\x1f\x7f]/,
};
const RE_DIGITS = /^\d+$/;

interface Line {
  start: number;
  end: number;
  next: number;
  bareLf: boolean;
}

/** Thrown inside the parser only; parseRequest turns it into a located error. */
class ParseFailure extends Error {
  readonly code: HttpErrorCode;
  readonly offset: number;
  readonly status: number;
  readonly msg: Message;
  readonly extra: Pick<HttpParseError, 'limit' | 'head' | 'quoted' | 'method' | 'version'>;
  constructor(
    code: HttpErrorCode,
    message: Message,
    offset: number,
    status = 400,
    extra: Pick<HttpParseError, 'limit' | 'head' | 'quoted' | 'method' | 'version'> = {},
  ) {
    super(message.id);
    this.msg = message;
    this.code = code;
    this.offset = offset;
    this.status = status;
    this.extra = extra;
  }
}

/** The usual status and error code for each limit; a server's profile gives its own status. */
const LIMIT_FAILURES: Readonly<Record<LimitKind, { code: HttpErrorCode; status: number; id: Message['id'] }>> = {
  requestLine: { code: 'uri-too-long', status: 414, id: 'http.requestLineTooLong' },
  fieldLine: { code: 'headers-too-large', status: 431, id: 'http.headerLineTooLong' },
  fieldCount: { code: 'too-many-fields', status: 431, id: 'http.tooManyFields' },
  head: { code: 'headers-too-large', status: 431, id: 'http.headersTooLarge' },
  body: { code: 'body-too-large', status: 413, id: 'http.bodyTooLarge' },
};

function overLimit(kind: LimitKind, size: number, offset: number, head?: HttpRequest): ParseFailure {
  const { code, status, id } = LIMIT_FAILURES[kind];
  return new ParseFailure(code, msg(id), offset, status, { limit: { kind, size }, ...(head ? { head } : {}) });
}

/** Parses one HTTP/1.0 or 1.1 request (RFC 9112) from raw bytes; never throws, every failure is located. */
export function parseRequest(bytes: Uint8Array, options: HttpParseOptions = STRICT_HTTP_OPTIONS): HttpParseResult {
  const seen: RequestLineSeen = {};
  try {
    return { ok: true, request: parseOrFail(bytes, options, seen) };
  } catch (thrown) {
    if (thrown instanceof ParseFailure) {
      const { code, msg: message, offset, status } = thrown;
      const extra = {
        ...thrown.extra,
        ...(seen.method ? { method: seen.method } : {}),
        ...(seen.version ? { version: seen.version } : {}),
        ...(seen.target !== undefined ? { target: seen.target } : {}),
        ...(seen.lineTarget !== undefined ? { lineTarget: seen.lineTarget } : {}),
        ...(seen.fields ? { fields: [...seen.fields] } : {}),
      };
      return { ok: false, error: { code, message, offset, status, ...extra } };
    }
    return {
      ok: false,
      error: { code: 'incomplete', message: msg('http.internal', { detail: String(thrown) }), offset: 0, status: 400 },
    };
  }
}

function readLine(
  bytes: Uint8Array,
  from: number,
  options: HttpParseOptions,
  tolerated: HttpTolerance[],
  crInside = false,
): Line {
  const lf = bytes.indexOf(LF, from);
  if (lf < 0) throw new ParseFailure('incomplete', msg('http.incomplete'), bytes.length);
  const crlf = lf > from && bytes[lf - 1] === CR;
  const end = crlf ? lf - 1 : lf;
  const cr = bytes.subarray(from, end).indexOf(CR);
  if (cr >= 0 && !crInside) throw new ParseFailure('bare-cr', msg('http.bareCr'), from + cr);
  if (!crlf) {
    const emptyLineAllowed = lf === from && options.bareLfEmptyLine === 'allow';
    if (!options.allowBareLf && !emptyLineAllowed) throw new ParseFailure('bare-lf', msg('http.bareLf'), lf);
    tolerated.push({ code: 'bare-lf', message: msg('tolerated.bareLf'), offset: lf });
  }
  return { start: from, end, next: lf + 1, bareLf: !crlf };
}

/**
 * A field line cut at each bare CR, as Python's email parser reads the header block it is given (feedparser's
 * NLCRE_crack takes `\r`, `\n` and `\r\n` for line ends): `X: a\rb` is the line `X: a`, then the line `b`.
 */
function splitAtCr(bytes: Uint8Array, line: Line): Line[] {
  const pieces: Line[] = [];
  let start = line.start;
  for (let i = line.start; i < line.end; i++) {
    if (bytes[i] !== CR) continue;
    pieces.push({ start, end: i, next: i + 1, bareLf: false });
    start = i + 1;
  }
  pieces.push({ ...line, start });
  return pieces;
}

/**
 * Where the request line starts, past the empty lines the server ignores before it (RFC 9112 §2.2), or the failure
 * for one it does not (see `leadingEmptyLines`).
 */
function skipLeadingEmptyLines(bytes: Uint8Array, how: HttpParseOptions['leadingEmptyLines']): number {
  const empty = bytes[0] === LF || (bytes[0] === CR && bytes[1] === LF);
  if (empty && how === 'reject') throw new ParseFailure('bad-request-line', msg('http.leadingEmptyLine'), 0);
  if (empty && how === 'close') throw new ParseFailure('empty-request-line', msg('http.emptyRequestLine'), 0);
  if (how === 'skip-one-crlf') return bytes[0] === CR && bytes[1] === LF ? 2 : 0;
  let at = 0;
  while (at < bytes.length && (bytes[at] === CR || bytes[at] === LF)) {
    if (bytes[at] === CR && bytes[at + 1] !== LF) break;
    if (bytes[at] === LF && how === 'skip-crlf') break;
    at += bytes[at] === CR ? 2 : 1;
  }
  return at;
}

/**
 * A request line of two words (method and target, no version) as the server splits it, or null (see
 * `simpleRequests`); `seen` says HTTP/0.9 where the server answers it so.
 */
function simpleRequest(
  text: string,
  at: number,
  options: HttpParseOptions,
  seen: RequestLineSeen,
): { method: string; target: string } | null {
  // The target is origin-form or absolute-form: Apache and nginx serve `GET http://host/path` as HTTP/0.9 too
  // (captured, case 84).
  const words: Readonly<Record<HttpParseOptions['requestLineSplit'], RegExp>> = {
    strict: /^([^ ]+) ((?:\/|[A-Za-z][A-Za-z0-9+.-]*:\/\/)[^ ]*)$/,
    'space-runs': /^([A-Z_-]+) +((?:\/|[A-Za-z][A-Za-z0-9+.-]*:\/\/)[^ ]*) *$/,
    'whitespace-words':
      /^[ \t\n\v\f\r\x1c-\x1f\x85\xa0]*([^ \t\n\v\f\r\x1c-\x1f\x85\xa0]+)[ \t\n\v\f\r\x1c-\x1f\x85\xa0]+([^ \t\n\v\f\r\x1c-\x1f\x85\xa0]+)[ \t\n\v\f\r\x1c-\x1f\x85\xa0]*$/,
    'first-and-last-space': /^([^ ]+) ([^ ]+)$/,
    'first-two-spaces': /^$/,
  };
  // `wait`: the head's end was looked for first (see parseOrFail); with one, two words are a malformed line.
  if (options.simpleRequests === 'malformed' || options.simpleRequests === 'wait') return null;
  const match = words[options.requestLineSplit].exec(text);
  if (!match) return null;
  const method = match[1] ?? '';
  const target = match[2] ?? '';
  seen.method = method;
  // A control character or DEL in the target fails the line as in a full one, before the server took it for
  // HTTP/0.9: the 400 is a full answer (found by the variant generator: nginx and `GET /app/\x7f`).
  const bad = target.search(TARGET_WHITESPACE[options.requestLineSplit]);
  if (bad >= 0) throw new ParseFailure('bad-request-line', msg('http.badTarget'), at + method.length + 1 + bad);
  if (options.simpleRequests !== 'serve-get-strict') seen.version = 'HTTP/0.9';
  return { method, target };
}

/** What the parser learnt of the request line before a failure. */
interface RequestLineSeen {
  method?: string;
  version?: string;
  /** Set once the whole request line has been read. */
  target?: string;
  /** The line's second word, set as soon as the line is read (see `HttpParseError.lineTarget`). */
  lineTarget?: string;
  /** The field lines read so far (see `HttpParseError.fields`). */
  fields?: HeaderField[];
}

function parseOrFail(bytes: Uint8Array, options: HttpParseOptions, seen: RequestLineSeen) {
  const tolerated: HttpTolerance[] = [];
  let at = skipLeadingEmptyLines(bytes, options.leadingEmptyLines);
  // lighttpd looks for the head's empty line (either line ending) before it parses anything: without one it waits.
  if (options.simpleRequests === 'wait' && !/\n\r?\n/.test(latin1(bytes.subarray(at))))
    throw new ParseFailure('waits-for-head', msg('http.waitsForHead'), bytes.length);
  const { limits } = options;
  const headStart = at;
  if (options.readsHeadFirst && limits.head !== null) {
    const end = /\r?\n\r?\n/.exec(latin1(bytes.subarray(at)));
    const size = end ? end.index + end[0].length : bytes.length - at;
    if (size > limits.head) throw overLimit('head', size, headStart + limits.head);
  }
  const buffers = limits.headBuffers ? headBufferReader(limits.headBuffers) : null;
  const requestLine = readLine(bytes, at, options, tolerated);
  const lineLength = requestLine.end - requestLine.start;
  if (limits.requestLine !== null && lineLength > limits.requestLine)
    throw overLimit('requestLine', lineLength, requestLine.start + limits.requestLine);
  if (limits.head !== null && requestLine.next - headStart > limits.head)
    throw overLimit('head', requestLine.next - headStart, headStart + limits.head);
  if (buffers && buffers(requestLine.start, requestLine.next) !== 'fits')
    throw overLimit('requestLine', lineLength, requestLine.start);
  const lineWords = latin1(bytes.subarray(requestLine.start, requestLine.end)).split(/[ \t]+/);
  const second = lineWords[1];
  if (second !== undefined) seen.lineTarget = second;
  const simple = simpleRequest(
    latin1(bytes.subarray(requestLine.start, requestLine.end)),
    requestLine.start,
    options,
    seen,
  );
  if (simple) {
    if (simple.method !== 'GET')
      throw new ParseFailure(
        'http09-method',
        msg('http.http09Method', { method: simple.method }),
        requestLine.start,
        400,
        {
          quoted: simple.method,
        },
      );
    // A fragment is refused in a two-word line as in a full one (captured by the variant generator: Apache answers
    // `GET /app/#` with its HTTP/1.1 400 page).
    const hash = simple.target.indexOf('#');
    const refusesFragment =
      options.fragment === 'reject' ||
      (options.fragment === 'reject-nonempty' && hash >= 0 && hash < simple.target.length - 1);
    if (hash >= 0 && refusesFragment)
      throw new ParseFailure('fragment', msg('http.fragment'), requestLine.start + simple.method.length + 1 + hash);
    // RFC 1945 §4.1: Simple-Request = "GET" SP Request-URI CRLF; no header section, no body.
    const { next } = requestLine;
    if (options.simpleRequests === 'wait-get') {
      // http.server reads a header section after it anyway: the client's close ends it, empty.
      tolerated.push({ code: 'http09', message: msg('tolerated.http09AfterClose'), offset: next });
      const request = { ...simple, version: 'HTTP/0.9', headers: [], body: new Uint8Array(0), tolerated };
      return {
        ...request,
        framing: 'none' as const,
        trailers: [],
        bodyOffset: next,
        length: next,
        clientGone: true as const,
      };
    }
    tolerated.push({ code: 'http09', message: msg('tolerated.http09'), offset: requestLine.end });
    return {
      ...simple,
      version: 'HTTP/0.9',
      headers: [],
      body: new Uint8Array(0),
      framing: 'none' as const,
      trailers: [],
      bodyOffset: next,
      length: next,
      tolerated,
    };
  }
  const { method, target, version } = parseRequestLine(bytes, requestLine, options, tolerated, seen);
  if (options.targetFormMethods !== 'any')
    checkTargetForm(method, target, requestLine.start + method.length + 1, options);
  seen.target = target;

  const headers: HeaderField[] = [];
  seen.fields = headers;
  let endedEarly = false;
  let fieldLines = 0;
  at = requestLine.next;
  // A fold keeps the ending of the line it continues (Python's email parser joins the raw lines; lighttpd blanks
  // that line's CR and LF), whatever the continuation line itself ends with.
  let endedWith = requestLine.bareLf ? '\n' : '\r\n';
  const crInField = options.bareCrInField ?? 'reject';
  for (;;) {
    const line = readLine(bytes, at, options, tolerated, crInField !== 'reject');
    if (limits.head !== null && line.next - headStart > limits.head)
      throw overLimit('head', line.next - headStart, Math.max(line.start, headStart + limits.head));
    const buffered = buffers ? buffers(line.start, line.next) : 'fits';
    if (buffered === 'too-long') throw overLimit('fieldLine', line.end - line.start, line.start);
    if (buffered === 'no-buffer') throw overLimit('head', line.next - headStart, line.start);
    at = line.next;
    if (line.end === line.start) break;
    const continues = bytes[line.start] === SP || bytes[line.start] === HTAB;
    if (!(options.fieldCountUnit === 'field' && continues && headers.length > 0)) fieldLines++;
    if (limits.fieldCount !== null && fieldLines > limits.fieldCount)
      throw overLimit('fieldCount', fieldLines, line.start);
    for (const piece of crInField === 'ends-line' ? splitAtCr(bytes, line) : [line]) {
      const previousEnding = endedWith;
      const previousBare = previousEnding === '\n';
      endedWith = piece.next === line.next ? (line.bareLf ? '\n' : '\r\n') : '\r';
      // A bare CR ended the line before (Python's email parser): an empty piece is the end of its headers.
      if (piece.end === piece.start) {
        endedEarly = true;
        continue;
      }
      const first = bytes[piece.start];
      if (first === SP || first === HTAB) {
        const previous = headers[headers.length - 1];
        // RFC 9112 §5.2: a server MUST either reject obs-fold with 400 or replace it with one or more SP.
        if (options.obsFold === 'reject' || previous === undefined) {
          throw new ParseFailure('obs-fold', msg('http.obsFold'), piece.start);
        }
        const continuation = latin1(bytes.subarray(piece.start, piece.end));
        if (options.obsFold === 'join-with-space') {
          previous.value = `${previous.value} ${continuation.trim()}`.trim();
        } else if (options.obsFold === 'keep-crlf') {
          previous.value = `${previous.value}${previousEnding}${continuation.replace(/[ \t]+$/, '')}`;
        } else {
          previous.value = `${previous.value}${previousBare ? ' ' : '  '}${continuation.replace(/[ \t]+$/, '')}`;
        }
        tolerated.push({
          code: 'obs-fold',
          message: msg('tolerated.obsFold', { header: previous.name }),
          offset: piece.start,
        });
        continue;
      }
      if (endedEarly) continue;
      if (options.fieldChecks === 'after-next-line') checkNextLineSize(bytes, piece, line.next, options);
      const field = parseFieldLine(bytes, piece, options, tolerated);
      if (field === 'end-headers') endedEarly = true;
      else if (field) headers.push(field);
    }
  }
  const bodyOffset = at;
  if (options.streamBody)
    return streamRequest(bytes, { method, target, version, headers, bodyOffset, tolerated }, options);
  const framing = decideFraming(headers, version, bodyOffset, options, tolerated);
  const bodyLimit = options.limits.body;
  // The head as read so far, for a server that answers a body over its limit with what the head told it.
  const head = (): HttpRequest => ({
    method,
    target,
    version,
    headers,
    body: new Uint8Array(0),
    framing: framing.kind,
    trailers: [],
    bodyOffset,
    length: bytes.length,
    tolerated,
  });
  // A Content-Length over the limit is refused before any of the body is read (or needed).
  if (framing.kind === 'content-length' && bodyLimit !== null && framing.length > bodyLimit)
    throw overLimit('body', framing.length, bodyOffset, head());
  if (framing.kind === 'chunked') {
    const chunked = parseChunkedBody(bytes, bodyOffset, options.allowBareLf, options.chunkSizeSyntax);
    if (!chunked.ok && options.chunkErrors === 'defer')
      return deferredBodyError({ method, target, version, headers, bodyOffset, tolerated }, bytes, chunked.error);
    if (!chunked.ok) throw new ParseFailure('bad-chunk', chunked.error.message, chunked.error.offset);
    const overBodyLimit = bodyLimit !== null && chunked.body.length > bodyLimit;
    if (overBodyLimit && options.chunkedBodyLimit === 'parse')
      throw overLimit('body', chunked.body.length, bodyOffset, head());
    return {
      ...(overBodyLimit ? { bodyOverLimit: { size: chunked.body.length, offset: bodyOffset } } : {}),
      method,
      target,
      version,
      headers,
      body: chunked.body,
      framing: 'chunked' as const,
      trailers: chunked.trailers,
      bodyOffset,
      length: chunked.end,
      tolerated,
      chunks: { sizes: chunked.chunkSizes, ends: chunked.chunkEnds, lastChunkEnd: chunked.lastChunkEnd },
    };
  }
  const contentLength = framing.kind === 'content-length' ? framing.length : 0;
  if (bodyOffset + contentLength > bytes.length) {
    throw new ParseFailure('incomplete-body', msg('http.incompleteBody', { bytes: contentLength }), bytes.length);
  }
  return {
    method,
    target,
    version,
    headers,
    body: bytes.slice(bodyOffset, bodyOffset + contentLength),
    framing: framing.kind,
    trailers: [],
    bodyOffset,
    length: bodyOffset + contentLength,
    tolerated,
  };
}

// A word between runs of what Python's str.split() takes for whitespace in latin-1 text.
const PYTHON_WORD = /[^ \t\n\v\f\r\x1c-\x1f\x85\xa0]+/g;

/** The three parts of a request line and where the target and the version start in it. */
interface RequestLineParts {
  method: string;
  target: string;
  version: string;
  targetAt: number;
  versionAt: number;
}

/** Method, target and version split at the first and the last SP (the target keeps any SP between them). */
function splitAtSpaces(text: string, start: number, second: number | null): RequestLineParts {
  const first = text.indexOf(' ');
  const last = second ?? text.lastIndexOf(' ');
  if (first <= 0 || last <= first)
    throw new ParseFailure('bad-request-line', msg('http.badRequestLine'), start + (first < 0 ? text.length : first));
  return {
    method: text.slice(0, first),
    target: text.slice(first + 1, last),
    version: text.slice(last + 1),
    targetAt: first + 1,
    versionAt: last + 1,
  };
}

/** A refused version as the parser's failure, located in the line. */
function versionFailure(refusal: VersionRefusal, start: number): ParseFailure {
  const major = refusal.quoted.split('.')[0] ?? '';
  const message =
    refusal.status !== 505
      ? msg('http.badVersion')
      : /^[1-9]\d*$/.test(major) && Number(major) > 1
        ? msg('http.unsupportedVersion', { major })
        : msg('http.versionNotTaken', { version: `HTTP/${refusal.quoted}` });
  return new ParseFailure(refusal.code, message, start + refusal.at, refusal.status, { quoted: refusal.quoted });
}

/**
 * The request line cut as the server's options say (see `requestLineSplit`), its version read as
 * `versionSyntax` says; `seen.version` is set as soon as the server has taken the version.
 */
function splitRequestLine(text: string, start: number, options: HttpParseOptions, seen: RequestLineSeen) {
  if (options.methodCheck === 'capitals') {
    // The method is read byte by byte up to its SP: the first byte that is not A–Z, `_` or `-` fails the line
    // before the target or the version is looked at (captured: case 130, `GET1 /app/ HTTP/2.0` is 400, not 505).
    const bad = text.search(/[^A-Z_-]/);
    if (bad === 0 || (bad > 0 && text[bad] !== ' '))
      throw new ParseFailure('bad-method', msg('http.methodNotCapitals'), start + bad);
  }
  const take = (parts: RequestLineParts): RequestLineParts => {
    // Apache and nginx read the method before the version: a HEAD refused for its version gets no page.
    if (options.requestLineSplit === 'strict' || options.requestLineSplit === 'space-runs') seen.method = parts.method;
    const read = readVersion(parts.version, options.versionSyntax, options.laterVersions);
    // nginx reads left to right: a target that is neither a path nor `scheme://` fails before the version is read.
    if ('status' in read && options.requestLineSplit === 'space-runs' && !NGINX_TARGET_START.test(parts.target))
      throw new ParseFailure('bad-request-line', msg('http.badTarget'), start + parts.targetAt);
    if ('status' in read) throw versionFailure({ ...read, at: read.at + parts.versionAt }, start);
    seen.version = parts.version;
    return parts;
  };
  switch (options.requestLineSplit) {
    case 'first-two-spaces': {
      // Cheroot: request_line.strip().split(b" ", 2), then the protocol is checked before the URI.
      const first = text.indexOf(' ');
      return take(splitAtSpaces(text, start, first < 0 ? -1 : text.indexOf(' ', first + 1)));
    }
    case 'whitespace-words': {
      // BaseHTTPRequestHandler.parse_request: requestline.split(); with three words or more the last is checked as
      // a version first, then the number of words.
      const words = [...text.matchAll(PYTHON_WORD)];
      const last = words[words.length - 1];
      if (words.length < 3 || !last) return take(splitAtSpaces(text, start, null));
      const read = readVersion(last[0], options.versionSyntax, options.laterVersions);
      if ('status' in read) throw versionFailure({ ...read, at: read.at + last.index }, start);
      seen.version = last[0];
      if (words.length > 3)
        throw new ParseFailure(
          'request-line-words',
          msg('http.requestLineWords', { words: words.length }),
          start + (words[1]?.index ?? 0),
          400,
          { quoted: text },
        );
      const [method, target] = words;
      return {
        method: method?.[0] ?? '',
        target: target?.[0] ?? '',
        version: last[0],
        targetAt: target?.index ?? 0,
        versionAt: last.index,
      };
    }
    case 'space-runs': {
      // nginx: one or more SPs between method, target and version, any number after the version.
      const match = /^([^ ]+) +([^ ]+) +([^ ]+) *$/.exec(text);
      if (!match || text.startsWith(' ')) return take(splitAtSpaces(text, start, null));
      const [, method = '', target = '', version = ''] = match;
      const targetAt = text.indexOf(target, method.length);
      return take({ method, target, version, targetAt, versionAt: text.indexOf(version, targetAt + target.length) });
    }
    case 'first-and-last-space': {
      // lighttpd reads the version first, from the end of the line (see `lighttpdVersion`).
      if (options.versionSyntax === 'lighttpd-suffix') {
        const read = lighttpdVersion(text);
        if ('status' in read) throw versionFailure(read, start);
        seen.version = read.version;
      }
      return take(splitAtSpaces(text, start, null));
    }
    case 'strict': {
      // Apache's ap_parse_request_line reads the method up to any whitespace before it looks at the rest.
      const methodEnd = text.search(/\s/);
      seen.method = methodEnd < 0 ? text : text.slice(0, methodEnd);
      return take(splitAtSpaces(text, start, null));
    }
  }
}

function parseRequestLine(
  bytes: Uint8Array,
  line: Line,
  options: HttpParseOptions,
  tolerated: HttpTolerance[],
  seen: RequestLineSeen,
) {
  const text = latin1(bytes.subarray(line.start, line.end));
  // RFC 9112 §3: request-line = method SP request-target SP HTTP-version
  const { method, target, version, targetAt } = splitRequestLine(text, line.start, options, seen);
  if (method.length === 0) throw new ParseFailure('bad-method', msg('http.badMethod'), line.start);
  if (options.methodCheck === 'token') {
    for (let i = 0; i < method.length; i++) {
      if (!TCHAR[method.charCodeAt(i)]) throw new ParseFailure('bad-method', msg('http.badMethod'), line.start + i);
    }
  } else if (options.methodCheck !== 'any') {
    // The version was read with the split: these servers then look at the method, then at the target.
    checkMethodEarly(method, version, line.start, options);
  }
  // A target refused from here on was read after a valid method: a HEAD's answer then carries no page (captured:
  // 104 and 106, a fragment or a DEL in a HEAD's target on Apache, nginx and lighttpd). A well-formed version is
  // known by then too (`seen.version`, set once the server took it): lighttpd answers a 1.0 request refused for its
  // target in 1.0.
  seen.method = method;
  const bad = target.search(TARGET_WHITESPACE[options.requestLineSplit]);
  if (target.length === 0 || bad >= 0) {
    throw new ParseFailure('bad-request-line', msg('http.badTarget'), line.start + targetAt + Math.max(bad, 0));
  }
  const targetStart = line.start + targetAt;
  const space = target.indexOf(' ');
  if (space >= 0)
    tolerated.push({ code: 'bad-request-line', message: msg('tolerated.spacesInTarget'), offset: targetStart + space });
  const hash = target.indexOf('#');
  const refusesFragment =
    options.fragment === 'reject' || (options.fragment === 'reject-nonempty' && hash >= 0 && hash < target.length - 1);
  if (hash >= 0 && refusesFragment) throw new ParseFailure('fragment', msg('http.fragment'), targetStart + hash);
  const high = target.search(/[\x80-\xff]/);
  if (high >= 0 && options.nonAsciiTarget === 'reject')
    throw new ParseFailure('non-ascii-target', msg('http.nonAsciiTarget'), targetStart + high);
  return { method, target, version };
}

/**
 * The method checks a server makes as soon as it has read the request line (`methodCheck`): before the target and
 * the header section, so that a malformed field after an unknown method is never looked at.
 */
function checkMethodEarly(method: string, version: string, offset: number, options: HttpParseOptions): void {
  // Cheroot's HTTPRequest.read_request_line: `if self.strict_mode and method != method.upper()` → 400.
  if (options.methodCheck === 'uppercase' && /[a-z]/.test(method))
    throw new ParseFailure('bad-method', msg('http.methodNotUppercase', { method }), offset, 400, { method, version });
  // lighttpd's http_request_parse_reqline: get_http_method_key, "unknown http-method -> 501" (request.c).
  if (options.methodCheck === 'known' && !options.knownMethods?.has(method))
    throw new ParseFailure('bad-method', msg('http.unknownMethod', { method }), offset, 501, { method, version });
}

/** Python's email parser meets a line that is no field line: the header section ends there, the rest is body. */
function endHeaders(tolerated: HttpTolerance[], offset: number): 'end-headers' {
  tolerated.push({ code: 'missing-colon', message: msg('tolerated.notFieldLineEnds'), offset });
  return 'end-headers';
}

/**
 * For a server that judges a field line only after reading the next one: this line's size, then the next line's,
 * are checked before this line's colon and name (Apache's ap_get_mime_headers_core reads with a size limit).
 */
function checkNextLineSize(bytes: Uint8Array, line: Line, nextStart: number, options: HttpParseOptions): void {
  const fieldLimit = options.limits.fieldLine;
  if (fieldLimit === null) return;
  if (line.end - line.start > fieldLimit) throw overLimit('fieldLine', line.end - line.start, line.start + fieldLimit);
  // Only the next line's length counts here; whatever else is wrong with it is found when its turn comes.
  const lf = bytes.indexOf(LF, nextStart);
  if (lf < 0) return;
  const length = (bytes[lf - 1] === CR ? lf - 1 : lf) - nextStart;
  if (length > fieldLimit) throw overLimit('fieldLine', length, nextStart + fieldLimit);
}

function parseFieldLine(
  bytes: Uint8Array,
  line: Line,
  options: HttpParseOptions,
  tolerated: HttpTolerance[],
): HeaderField | null | 'end-headers' {
  const colon = bytes.subarray(line.start, line.end).indexOf(COLON);
  if (colon < 0) {
    if (options.missingColon === 'reject')
      throw new ParseFailure('missing-colon', msg('http.missingColon'), line.start);
    if (options.missingColon === 'end-headers') {
      tolerated.push({
        code: 'missing-colon',
        message: msg('tolerated.missingColonEnds'),
        offset: line.start,
      });
      return 'end-headers';
    }
    tolerated.push({ code: 'missing-colon', message: msg('tolerated.missingColon'), offset: line.start });
    if (options.missingColon === 'skip') return null;
    const text = latin1(bytes.subarray(line.start, line.end));
    const space = text.search(/[ \t]/);
    if (space >= 0) throw new ParseFailure('missing-colon', msg('http.missingColonSpace'), line.start + space);
    return { name: text, value: '', offset: line.start };
  }
  const nameEnd = line.start + colon;
  if (colon === 0 && options.emptyName === 'reject')
    throw new ParseFailure('bad-header-name', msg('http.emptyHeaderName'), line.start);
  if (colon === 0) {
    const skip = options.emptyName === 'skip';
    const message = msg(skip ? 'tolerated.emptyNameSkipped' : 'tolerated.emptyNameKept');
    tolerated.push({ code: 'bad-header-name', message, offset: line.start });
    if (skip) return null;
  }
  const fieldLimit = options.limits.fieldLine;
  if (fieldLimit !== null && line.end - line.start > fieldLimit)
    throw overLimit('fieldLine', line.end - line.start, line.start + fieldLimit);
  let name = latin1(bytes.subarray(line.start, nameEnd));
  for (let i = line.start; i < nameEnd; i++) {
    const c = bytes[i] ?? 0;
    if (TCHAR[c]) continue;
    // RFC 9112 §5.1: no whitespace is allowed between the field name and colon; a server MUST reject it with 400.
    if ((c === SP || c === HTAB) && /^[^ \t]+[ \t]+$/.test(name)) {
      if (options.spaceBeforeColon === 'reject')
        throw new ParseFailure('space-before-colon', msg('http.spaceBeforeColon'), i);
      if (options.spaceBeforeColon === 'end-headers') return endHeaders(tolerated, i);
      tolerated.push({
        code: 'space-before-colon',
        message:
          options.spaceBeforeColon === 'trim'
            ? msg('tolerated.spaceBeforeColonTrimmed', { header: name.trim() })
            : msg('tolerated.spaceBeforeColonDropped', { header: name.trim() }),
        offset: i,
      });
      if (options.spaceBeforeColon === 'drop') return null;
      name = name.trimEnd();
      break;
    }
    if (c > SP && c < 0x7f && options.invalidNameCharacters !== 'reject') {
      const header = name;
      tolerated.push({
        code: 'bad-header-name',
        message:
          options.invalidNameCharacters === 'skip'
            ? msg('tolerated.invalidNameSkipped', { header })
            : msg('tolerated.invalidNameKept', { header }),
        offset: i,
      });
      if (options.invalidNameCharacters === 'skip') return null;
      break;
    }
    const other = c === SP || c === HTAB ? options.spaceInName : c > 0x7f ? options.nonAsciiName : 'reject';
    if (other === 'end-headers') return endHeaders(tolerated, i);
    if (other === 'keep' || other === 'skip') {
      const message = msg(other === 'keep' ? 'tolerated.invalidNameKept' : 'tolerated.invalidNameSkipped', {
        header: name,
      });
      tolerated.push({ code: 'bad-header-name', message, offset: i });
      if (other === 'skip') return null;
      break;
    }
    throw new ParseFailure('bad-header-name', msg('http.badHeaderName'), i);
  }
  const rawValue = latin1(bytes.subarray(nameEnd + 1, line.end));
  const nul = rawValue.indexOf('\0');
  if (nul >= 0 && options.nulInValue === 'reject')
    throw new ParseFailure('bad-header-value', msg('http.nulInValue'), nameEnd + 1 + nul);
  const control = rawValue.search(/[\x01-\x08\x0a-\x1f\x7f]/);
  if (control >= 0 && options.controlCharacters === 'reject')
    throw new ParseFailure('bad-header-value', msg('http.controlInValue'), nameEnd + 1 + control);
  // RFC 9112 §5.1: OWS before and after the field value is not part of it.
  const ows = options.valueWhitespace === 'sp' ? ' ' : ' \t';
  const leading = new RegExp(`^[${ows}]+`);
  const trailing = new RegExp(`[${ows}]+$`);
  const kept = rawValue.replace(leading, '');
  const value = options.valueTrailingWhitespace === 'keep' ? kept : kept.replace(trailing, '');
  return { name, value, offset: line.start };
}

type Framing = { kind: 'none' } | { kind: 'content-length'; length: number } | { kind: 'chunked' };

function decideFraming(
  headers: HeaderField[],
  version: string,
  bodyOffset: number,
  options: HttpParseOptions,
  tolerated: HttpTolerance[],
): Framing {
  const hosts = headers.filter((h) => h.name.toLowerCase() === 'host');
  if (hosts.length > 1 && options.repeatedHost !== 'keep')
    throw new ParseFailure('duplicate-host', msg('http.duplicateHost'), hosts[1]?.offset ?? bodyOffset);
  // nginx: `r->http_version > NGX_HTTP_VERSION_10` (ngx_http_process_request_header), so HTTP/1.2 too.
  if (hosts.length === 0 && isHttp11OrLater(version) && options.requireHost) {
    throw new ParseFailure('missing-host', msg('http.missingHost'), bodyOffset);
  }
  const encodings = headers.filter((h) => h.name.toLowerCase() === 'transfer-encoding');
  const lengths = headers.filter((h) => h.name.toLowerCase() === 'content-length');
  for (const field of lengths) {
    if (lengthOf(field.value, options) === null) {
      throw new ParseFailure(
        'invalid-content-length',
        msg('http.invalidContentLength'),
        field.offset + field.name.length + 1,
      );
    }
  }
  if (encodings.length > 0 && version === 'HTTP/1.0' && options.transferEncodingHttp10 === 'reject')
    throw new ParseFailure('transfer-encoding-http10', msg('http.transferEncodingHttp10'), encodings[0]?.offset ?? 0);
  if (encodings.length > 0 && !(version === 'HTTP/1.0' && options.transferEncodingHttp10 === 'ignore')) {
    // The codings are trimmed of the same whitespace as the values (`valueWhitespace`): nginx answers
    // `chunked<TAB>` with 501.
    const trim = (coding: string) =>
      options.valueWhitespace === 'sp' ? coding.replace(/^ +| +$/g, '') : coding.trim();
    const codings = encodings
      .map((h) => h.value)
      .join(',')
      .split(',')
      .map((c) => trim(c).toLowerCase())
      .filter(Boolean);
    // RFC 9112 §6.1: chunked must be the final coding; a server that does not understand a coding answers 501.
    const understood = codings.length === 1 || options.codingsBeforeChunked === 'pass-on';
    if (codings[codings.length - 1] !== 'chunked' || !understood) {
      const field = encodings[0];
      throw new ParseFailure(
        'unsupported-transfer-coding',
        msg('http.unsupportedTransferCoding'),
        field ? field.offset : bodyOffset,
        501,
      );
    }
    if (lengths.length > 0) {
      const first = lengths[0];
      if (options.lengthConflict === 'reject') {
        throw new ParseFailure('conflicting-length', msg('http.conflictingLength'), first ? first.offset : bodyOffset);
      }
      tolerated.push({
        code: 'conflicting-length',
        message: msg('tolerated.chunkedWins'),
        offset: first ? first.offset : bodyOffset,
      });
    }
    return { kind: 'chunked' };
  }
  if (lengths.length > 1 && options.duplicateContentLength === 'last-wins') {
    const last = lengths[lengths.length - 1];
    tolerated.push({
      code: 'duplicate-content-length',
      message: msg('tolerated.lastContentLength'),
      offset: last ? last.offset : bodyOffset,
    });
    return { kind: 'content-length', length: lengthOf(last?.value ?? '0', options) ?? 0 };
  }
  if (lengths.length > 1) {
    const [first, second] = lengths;
    const equal = lengths.every((h) => lengthOf(h.value, options) === lengthOf(first?.value ?? '', options));
    if (options.duplicateContentLength === 'reject' || !equal) {
      throw new ParseFailure(
        'duplicate-content-length',
        msg('http.duplicateContentLength'),
        second ? second.offset : bodyOffset,
      );
    }
    tolerated.push({
      code: 'duplicate-content-length',
      message: msg('tolerated.equalContentLength'),
      offset: second ? second.offset : bodyOffset,
    });
  }
  const only = lengths[0];
  if (only === undefined) return { kind: 'none' };
  const length = lengthOf(only.value, options) ?? NaN;
  if (!Number.isSafeInteger(length))
    throw new ParseFailure('invalid-content-length', msg('http.contentLengthTooLarge'), only.offset);
  return { kind: 'content-length', length };
}

/** A Content-Length value as the server reads it (`numberSyntax`), or null when it refuses the value. */
function lengthOf(value: string, options: HttpParseOptions): number | null {
  if (options.numberSyntax === 'strict') return RE_DIGITS.test(value) ? Number(value) : null;
  const length = pythonInt(value, 10);
  return length === null || length < 0 ? null : length;
}

interface Head {
  method: string;
  target: string;
  version: string;
  headers: HeaderField[];
  bodyOffset: number;
  tolerated: HttpTolerance[];
}

/** Python-style servers hand the rest of the stream to the application; only chunked decoding can fail. */
function streamRequest(bytes: Uint8Array, head: Head, options: HttpParseOptions) {
  const chunked =
    options.transferCoding === 'decode' &&
    head.headers.some(
      (h) => h.name.toLowerCase() === 'transfer-encoding' && h.value.trim().toLowerCase() === 'chunked',
    );
  if (chunked) {
    const result = parseChunkedBody(bytes, head.bodyOffset, true, options.chunkSizeSyntax);
    if (!result.ok && options.chunkErrors === 'defer') return deferredBodyError(head, bytes, result.error);
    if (!result.ok) throw new ParseFailure('bad-chunk', result.error.message, result.error.offset);
    return {
      ...head,
      body: result.body,
      framing: 'chunked' as const,
      trailers: result.trailers,
      length: result.end,
      chunks: { sizes: result.chunkSizes, ends: result.chunkEnds, lastChunkEnd: result.lastChunkEnd },
    };
  }
  const hasLength = head.headers.some((h) => h.name.toLowerCase() === 'content-length');
  return {
    ...head,
    body: bytes.slice(head.bodyOffset),
    framing: hasLength ? ('content-length' as const) : ('none' as const),
    trailers: [],
    length: bytes.length,
  };
}

/** A request whose chunked body is malformed, left for the reader of the body to find (`chunkErrors: 'defer'`). */
function deferredBodyError(head: Head, bytes: Uint8Array, error: { message: Message; offset: number }) {
  return {
    ...head,
    body: new Uint8Array(0),
    framing: 'chunked' as const,
    trailers: [],
    length: bytes.length,
    bodyError: error,
  };
}

/** RFC 9112 §3.2.3: authority-form only for CONNECT; §3.2.4: asterisk-form only for OPTIONS (`targetFormMethods`). */
function checkTargetForm(
  method: string,
  target: string,
  offset: number,
  { targetFormMethods: how, targetSyntax }: HttpParseOptions,
): void {
  const syntax = targetSyntaxFor(method, targetSyntax);
  const { form } = splitTarget(target, syntax);
  if (form === 'asterisk' && method !== 'OPTIONS')
    throw new ParseFailure('target-form', msg('http.asteriskNotOptions', { method }), offset);
  if (form === 'authority' && method !== 'CONNECT')
    throw new ParseFailure('target-form', msg('http.authorityNotConnect', { method }), offset);
  // ap_parse_request_line: a parsed path that does not start with `/` is 400 ("Invalid request-target per RFC 7230
  // section 5.3"): `http:app/` (captured: case 166).
  if (syntax === 'apr-uri' && relativeSchemePath(target) !== null)
    throw new ParseFailure('target-form', msg('http.relativeSchemePath'), offset);
  // RFC 9110 §9.3.6: a CONNECT's target is only the host and port.
  if (how === 'rfc-and-connect' && method === 'CONNECT' && form !== 'authority')
    throw new ParseFailure('target-form', msg('http.connectNotAuthority'), offset);
}

import type { WebServerProfile } from '../profile.ts';
import type { RequestContext } from '../request-context.ts';
import type { Change } from '../../trace.ts';
import type { HttpParseError, HttpResponse } from '../../http/types.ts';
import { Environ } from '../../wsgi/environ.ts';
import { pyBool, pyObject, pyStr, pyTuple } from '../../wsgi/python-value.ts';
import { reasonPhrase } from '../../http/reason-phrases.ts';
import { STRICT_HTTP_OPTIONS } from '../../http/parse-options.ts';
import { encodeChunked } from '../../http/serialize-response.ts';
import { concatBytes, utf8 } from '../../bytes.ts';
import { splitTarget } from '../../http/target.ts';
import { isHttp11OrLater, readVersion } from '../../http/request-version.ts';
import { VOLATILE } from '../../volatile.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { productVersion, verifiedAgainst } from '../../upstream-versions.ts';
import { msg } from '../../message.ts';
import { asksContinue } from '../../http/expects-continue.ts';
import { contentFor, dateHeader } from '../response-parts.ts';
import { EXCEPTION_REPR, exceptionTraceback, stderrLines } from './python-stderr.ts';
import { CHEROOT_RULES, runCherootGateway } from './cheroot-gateway.ts';
import { splitStatus } from './base-handler.ts';

const SERVER = 'Cheroot/9.0.0';

/** The frames above the application in a traceback under Cheroot's WSGI server (observed, wsgi_exception.py). */
const FRAMES = [
  '  File "/usr/lib/python3/dist-packages/cheroot/server.py", line 1287, in communicate',
  '    req.respond()',
  '  File "/usr/lib/python3/dist-packages/cheroot/server.py", line 1077, in respond',
  '    self.server.gateway(self).respond()',
  '  File "/usr/lib/python3/dist-packages/cheroot/wsgi.py", line 134, in respond',
  '    response = self.req.server.wsgi_app(self.env, self.start_response)',
  '               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
];

/** Cheroot's plain-text error messages for each rejection (cheroot/server.py). */
export const CHEROOT_MESSAGES: Readonly<Record<string, string>> = {
  'bare-lf': 'HTTP requires CRLF terminators',
  'obs-fold': 'Illegal header line.',
  'missing-colon': 'Illegal header line.',
  'invalid-content-length': 'Malformed Content-Length Header.',
  'absolute-form': 'Absolute URI not allowed if server is not a proxy.',
  'target-form':
    'Invalid path in Request-URI: request-target must contain origin-form which starts with absolute-path (URI starting with a slash "/").',
  'unsupported-transfer-coding': 'Unknown transfer encoding',
  'unsupported-version': 'Cannot fulfill request',
  'non-ascii-target': 'Malformed Request-URI',
  fragment: 'Illegal #fragment in Request-URI.',
  'bad-request-line': 'Malformed Request-Line',
  'bad-method':
    'Malformed method name: According to RFC 2616 (section 5.1.1) and its successors RFC 7230 (section 3.1.1) and RFC 7231 (section 4.1) method names are case-sensitive and uppercase.',
};

/**
 * What HTTPRequest.read_request_line says about the third part of the request line (everything after the second
 * space): not starting with `HTTP/`, no dot after it, or numbers int() cannot read.
 */
function versionComplaint(version: string): string {
  if (!version.startsWith('HTTP/')) return 'Malformed Request-Line: bad protocol';
  const parts = version.slice(5).split('.');
  if (parts.length < 2) return 'Malformed Request-Line: bad version';
  return 'Malformed Request-Line';
}

/** Headers Cheroot joins with ", " when repeated (server.py comma_separated_headers); other repeats keep the last value. */
const COMMA_SEPARATED = new Set([
  'accept',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'accept-ranges',
  'allow',
  'cache-control',
  'connection',
  'content-encoding',
  'content-language',
  'expect',
  'if-match',
  'if-none-match',
  'pragma',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'vary',
  'via',
  'warning',
  'www-authenticate',
]);

/** Cheroot 9.0.0 (CherryPy's server) with its defaults: HTTP/1.1, strict CRLF, no static files. */
export const CHEROOT: WebServerProfile = {
  id: 'cheroot',
  label: productVersion('cheroot'),
  provenance: verifiedAgainst(productVersion('cheroot')),
  httpOptions: {
    ...STRICT_HTTP_OPTIONS,
    requireHost: false,
    requestLineSplit: 'first-two-spaces',
    versionSyntax: 'cheroot',
    // read_request_line skips one CRLF before the request line, no more (RFC 2616 §4.1; captured: cases 116–117).
    leadingEmptyLines: 'skip-one-crlf',
    duplicateContentLength: 'last-wins',
    lengthConflict: 'chunked-wins',
    spaceBeforeColon: 'trim',
    // Cheroot checks no token characters in names (captured: case 82).
    invalidNameCharacters: 'keep',
    controlCharacters: 'allow',
    nonAsciiTarget: 'reject',
    // read_request_line refuses urlsplit's fragment when it is not empty, after the target's form: see vetRequestLine.
    fragment: 'allow',
    // Only an HTTP/1.1 request's Transfer-Encoding is looked at (HTTPRequest.read_request_headers); the
    // Content-Length is int(value); ChunkedRFile reads int(size.split(b';')[0], 16) when the application reads.
    transferEncodingHttp10: 'ignore',
    numberSyntax: 'python-int',
    chunkSizeSyntax: 'python-before-semicolon',
    chunkErrors: 'defer',
    // HTTPRequest.read_request_line checks the protocol, then `method != method.upper()` (400), before the target
    // and the header fields; any other byte is taken (captured: M-SEARCH, GET1, G@T, GET_X; cases 122–123).
    methodCheck: 'uppercase',
    // read_headers: `k, v = line.split(b':', 1)`, the name stripped and title-cased, nothing else checked
    // (captured: cases 128–129).
    emptyName: 'keep',
    spaceInName: 'keep',
    nonAsciiName: 'keep',
    nulInValue: 'allow',
    // Nothing looks at Host: two of them are served, the last one's value in HTTP_HOST (read_headers keeps the last
    // value of a name outside comma_separated_headers; captured: case 145).
    repeatedHost: 'keep',
    // read_headers splits lines at CRLF and checks nothing in the value: a bare CR stays in it (captured: variants).
    bareCrInField: 'keep',
  },
  // cheroot.wsgi.Server keeps HTTPServer's max_request_header_size = 0 and max_request_body_size = 0: no limit
  // (measured: a 65,537-byte request line, 1,000 field lines and a 10^15 Content-Length are all taken).
  limits: {},
  // HTTPRequest.read_request_line checks all this before read_request_headers reads a header line (captured: cases 114, 119).
  vetRequestLine({ method, target, version }): HttpParseError | null {
    // The parser's methodCheck `uppercase` refuses a lower-case letter first; any other byte is taken (122–123).
    if (/[a-z]/.test(method))
      return {
        code: 'bad-method',
        message: msg('reject.cherootMethod', { reply: CHEROOT_MESSAGES['bad-method'] ?? '' }),
        offset: 0,
        status: 400,
      };
    const offset = method.length + 1;
    // CONNECT without proxy_mode is 405 (empty); OPTIONS takes any target; other methods need origin-form: a scheme
    // (urlsplit's, so `host:port` too) is "Absolute URI not allowed", anything else not starting with `/` (`*`,
    // `127.0.0.1:80`) "Invalid path in Request-URI".
    if (method === 'CONNECT')
      return { code: 'target-form', message: msg('reject.cherootConnect'), offset: 0, status: 405 };
    if (method !== 'OPTIONS') {
      const form = splitTarget(target).form;
      const urlScheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(target);
      if (form === 'absolute' || (form === 'authority' && urlScheme))
        return {
          code: 'absolute-form',
          message: msg('reject.cherootAbsoluteForm', { reply: CHEROOT_MESSAGES['absolute-form'] ?? '' }),
          offset,
          status: 400,
        };
      // urllib.parse.urlsplit('//app//x') gives netloc 'app': Cheroot sees an authority, so an absolute-form target;
      // `///static/…` gives an empty netloc and passes (captured: variants of 02 with `//` inserted).
      if (/^\/\/[^/?#]/.test(target))
        return {
          code: 'absolute-form',
          message: msg('reject.cherootDoubleSlash', { reply: CHEROOT_MESSAGES['absolute-form'] ?? '' }),
          offset,
          status: 400,
        };
      if (!target.startsWith('/'))
        return {
          code: 'target-form',
          message: msg('reject.cherootInvalidPath', { reply: CHEROOT_MESSAGES['target-form'] ?? '' }),
          offset,
          status: 400,
        };
      // Then urlsplit's fragment when it is not empty, OPTIONS aside: a bare `#` passes (captured: variants), an
      // absolute-form target with one is "Absolute URI not allowed" (captured: case 131; `OPTIONS /app/#a` is 200).
      const hash = target.indexOf('#');
      if (hash >= 0 && hash < target.length - 1)
        return { code: 'fragment', message: msg('http.fragment'), offset: offset + hash, status: 400 };
    }
    // Then the major version against the server's 1 (`HTTP/0.9`): simple_response('505 …') with no message.
    const read = readVersion(version, 'cheroot', 'reject');
    if ('major' in read && read.major !== 1)
      return {
        code: 'version-mismatch',
        message: msg('reject.cherootMajorVersion', { version }),
        offset: offset + target.length + 1,
        status: 505,
      };
    return null;
  },
  vet: () => null,
  errorResponse(status, context, code?: string, quoted?: string) {
    // Cheroot sends "501 Unimplemented" for an unknown transfer coding with an empty body.
    const body =
      code === 'unsupported-transfer-coding' || code === 'bad-chunk' || code === 'version-mismatch' || status === 405
        ? new Uint8Array(0)
        : utf8(
            code === 'bad-version'
              ? versionComplaint(quoted ?? '')
              : (CHEROOT_MESSAGES[code ?? ''] ?? reasonPhrase(status)),
          );
    return {
      version: 'HTTP/1.1',
      status,
      reason: status === 501 ? 'Unimplemented' : reasonPhrase(status),
      headers: [
        ['Content-Length', String(body.length)],
        ['Content-Type', 'text/plain'],
      ],
      // simple_response writes its message whatever the method: a HEAD refused while its request is read gets it too.
      body: code === undefined ? contentFor(context, body) : body,
    };
  },
  serveStatic: (context) => CHEROOT.errorResponse(404, context),
  consumedBytes(context) {
    // ChunkedRFile reads only as far as the application asks: CONTENT_LENGTH bytes' worth of chunks, or up to the
    // last-chunk line; trailers and the rest stay on the connection and are read as the next request line.
    const { request } = context;
    if (!request.chunks) return request.length;
    const length = Number((request.headers.find((h) => h.name.toLowerCase() === 'content-length')?.value ?? '').trim());
    if (!Number.isFinite(length) || length <= 0) return request.chunks.lastChunkEnd;
    let total = 0;
    for (const [index, end] of request.chunks.ends.entries()) {
      total += request.chunks.sizes[index] ?? 0;
      if (total >= length) return end;
    }
    return request.chunks.lastChunkEnd;
  },
  finishResponse(response, context) {
    const headers: [string, string][] = [...response.headers];
    const hasLength = headers.some(([n]) => n.toLowerCase() === 'content-length');
    // response_protocol: min(request, server); a request's `HTTP/01.1` is 1.1.
    const http11 = isHttp11OrLater(context.request.version);
    const chunked = !hasLength && http11;
    if (chunked) headers.push(['Transfer-Encoding', 'chunked']);
    if (http11 && context.closes) headers.push(['Connection', 'close']);
    headers.push(dateHeader(), ['Server', SERVER]);
    return {
      version: 'HTTP/1.1',
      status: response.status,
      reason: response.reason,
      headers,
      body: chunked ? encodeChunked([response.body]) : response.body,
    };
  },
  arrivalChanges: () => [],
  routesToApplication: () => true,
  // Cheroot sends 100 Continue when the application first reads wsgi.input.
  sendsContinue: (context, via) => via !== 'static' && asksContinue(context, 'exact'),
  wsgi: {
    rules: CHEROOT_RULES,
    environ: (context) => cherootEnviron(context),
    // ChunkedRFile raises ValueError inside the application's read of a malformed chunked body; the connection
    // answers `500 Internal Server Error` with an empty body (show_tracebacks is off).
    answerFirst: (context) => (context.request.bodyError ? CHEROOT.errorResponse(500, context, 'bad-chunk') : null),
    // HTTPConnection.communicate: the error is logged (its repr, then the traceback) and simple_response sends a
    // bare 500 with no body, no Date and no Server.
    raised: () => ({
      response: {
        version: 'HTTP/1.1',
        status: 500,
        reason: 'Internal Server Error',
        headers: [
          ['Content-Length', '0'],
          ['Content-Type', 'text/plain'],
        ],
        body: new Uint8Array(0),
      },
      log: stderrLines('cheroot', [EXCEPTION_REPR, ...exceptionTraceback(FRAMES)]),
    }),
    // Cheroot writes no access log.
    answered: () => [],
    respond(result, context) {
      const out = runCherootGateway(result);
      const log = stderrLines('cheroot', out.stderr);
      const bare = (status: string, body: string): HttpResponse => ({
        version: 'HTTP/1.1',
        status: Number.parseInt(status, 10),
        reason: status.slice(4),
        headers: [
          ['Content-Length', String(body.length)],
          ['Content-Type', 'text/plain'],
        ],
        body: utf8(body),
      });
      const failed =
        out.failure === null
          ? null
          : out.errorPage || out.simple
            ? msg('wsgi.gatewayErrorPage', { exception: out.failure })
            : result.raised?.where === 'close'
              ? msg('wsgi.closeRaised', { exception: out.failure })
              : msg('wsgi.gatewayCut', { exception: out.failure, bytes: concatBytes(out.parts).length });
      if (out.simple) return { response: bare(out.simple.status, out.simple.message), log, failed };
      if (out.errorPage) return { response: bare('500 Internal Server Error', ''), log, failed };
      // The headers were marked sent but never written (send_headers failed): the connection closes without a byte.
      if (!out.head)
        return { response: { version: '', status: 0, reason: '', headers: [], body: new Uint8Array(0) }, log, failed };
      const [code, reason] = splitStatus(out.head.status);
      const finished = CHEROOT.finishResponse(
        {
          kind: 'document',
          status: code,
          reason,
          hasStatusField: true,
          headers: out.head.headers,
          body: concatBytes(out.parts),
          location: null,
          iterableLength: null,
        },
        context,
      );
      // send_headers writes `HTTP/1.1 ` and the status as the application gave it.
      const sent = { ...finished, statusLine: `HTTP/1.1 ${out.head.status}` };
      const chunked = finished.headers.some(([name]) => name.toLowerCase() === 'transfer-encoding');
      if (!chunked) return { response: sent, log, failed };
      const body = encodeChunked(out.parts);
      return {
        response: { ...sent, body: out.finished ? body : body.subarray(0, body.length - 5) },
        log,
        failed,
      };
    },
  },
};

/** urllib.parse.urlsplit removes tabs and line breaks anywhere in the URL before splitting it (bpo-43882). */
const URLSPLIT_REMOVES = /[\t\r\n]/g;

/**
 * The path urllib.parse.urlsplit finds in an OPTIONS target of authority-form: what follows a scheme-like
 * `name:` (`example.test:8080` gives `8080`), with a leading `/` as Cheroot's PATH_INFO always has one.
 */
function urlsplitPath(target: { form: string; path: string }): string {
  // `///static/x`: urlsplit takes the empty authority after `//` (a non-empty one was refused), the rest is the
  // path, `/` when nothing is left (captured: variants of 02 with `//` inserted).
  if (target.form === 'origin' && target.path.startsWith('//')) return target.path.slice(2) || '/';
  if (target.form !== 'authority') return target.path;
  const path = target.path.replace(/^[A-Za-z][A-Za-z0-9+.-]*:/, '').split(/[?#]/, 1)[0] ?? '';
  return path.startsWith('/') ? path : `/${path}`;
}

/** The query urllib.parse.urlsplit finds: after the first `?` and before a `#` (an authority-form OPTIONS too). */
function urlsplitQuery(target: { form: string; path: string; query: string | null }): string {
  if (target.form !== 'authority') return target.query ?? '';
  return /\?([^#]*)/.exec(target.path)?.[1] ?? '';
}

/**
 * Splits on %2F, unquotes each piece and joins them again with %2F, as Cheroot does for PATH_INFO; without
 * `unquotes`, only what urlsplit removes goes.
 */
function cherootPathInfo(path: string, unquotes: boolean): string {
  const split = path.replace(URLSPLIT_REMOVES, '');
  if (!unquotes) return split;
  return split
    .split(/%2F/i)
    .map((piece) => piece.replace(/%([0-9a-fA-F]{2})/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16))))
    .join('%2F');
}

/** cheroot.wsgi.Gateway_10.get_environ (9.0.0), in its key order. */
export function cherootEnviron(context: RequestContext): { environ: Environ; changes: Change[] } {
  const { request, target } = context;
  const environ = new Environ();
  const changes: Change[] = [];
  // HTTPRequest.read_request_line unquotes the path in its branch for methods other than OPTIONS and CONNECT only:
  // `OPTIONS /app/%0a` keeps `%0a` in PATH_INFO (found by the variant generator).
  const unquotes = request.method !== 'OPTIONS';
  environ
    .set('ACTUAL_SERVER_PROTOCOL', pyStr('HTTP/1.1'))
    .set('PATH_INFO', pyStr(target.form === 'asterisk' ? '/*' : cherootPathInfo(urlsplitPath(target), unquotes)))
    .set('QUERY_STRING', pyStr(urlsplitQuery(target).replace(URLSPLIT_REMOVES, '')));
  if (/[\t\r\n]/.test(request.target))
    changes.push({ kind: 'dropped', to: 'PATH_INFO', message: msg('change.cherootTargetControls') });
  environ
    .set('REMOTE_ADDR', pyStr(REFERENCE_SITE.remoteAddr))
    .set('REMOTE_PORT', pyStr(VOLATILE.clientPort))
    .set('REQUEST_METHOD', pyStr(request.method));
  environ.set('REQUEST_URI', pyStr(request.target)).set('SCRIPT_NAME', pyStr('')).set('SERVER_NAME', pyStr(SERVER));
  environ.set('SERVER_PROTOCOL', pyStr(request.version)).set('SERVER_SOFTWARE', pyStr(`${SERVER} Server`));
  environ.set('wsgi.errors', pyObject("<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"));
  const chunked = request.framing === 'chunked';
  environ.set(
    'wsgi.input',
    pyObject(chunked ? '<cheroot.server.ChunkedRFile object>' : '<cheroot.server.KnownLengthRFile object>'),
  );
  environ
    .set('wsgi.input_terminated', pyBool(chunked))
    .set('wsgi.multiprocess', pyBool(false))
    .set('wsgi.multithread', pyBool(true));
  // The scheme urlsplit found in the target (lower-cased): an OPTIONS `host:port` gives `host`, an OPTIONS
  // `https://…` `https` (captured).
  const scheme =
    target.form === 'authority'
      ? /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(target.path)?.[1]?.toLowerCase()
      : target.scheme?.toLowerCase();
  environ
    .set('wsgi.run_once', pyBool(false))
    .set('wsgi.url_scheme', pyStr(scheme ?? 'http'))
    .set('wsgi.version', pyTuple(1, 0));
  environ.set('SERVER_PORT', pyStr(REFERENCE_SITE.serverPort));
  if (unquotes) changes.push({ kind: 'decoded', to: 'PATH_INFO', message: msg('change.cherootUnquotes') });
  const seen = new Map<string, string>();
  const order: string[] = [];
  for (const header of request.headers) {
    const lower = header.name.toLowerCase();
    const previous = seen.get(lower);
    if (previous === undefined) order.push(lower);
    seen.set(
      lower,
      previous !== undefined && COMMA_SEPARATED.has(lower) ? `${previous}, ${header.value}` : header.value,
    );
    if (previous !== undefined)
      changes.push({
        kind: COMMA_SEPARATED.has(lower) ? 'joined' : 'dropped',
        from: header.name,
        message: COMMA_SEPARATED.has(lower)
          ? msg('change.repeatedHeaderCommaSpace', { header: header.name })
          : msg('change.repeatedHeaderReplaces', { header: header.name }),
      });
  }
  let contentType: string | undefined;
  let contentLength: string | undefined;
  for (const lower of order) {
    const value = seen.get(lower) ?? '';
    // get_environ sets env['HTTP_' + name.upper().replace('-', '_')] for every field, then pops HTTP_CONTENT_TYPE
    // and HTTP_CONTENT_LENGTH into CONTENT_*: `Content_Type` ends there too, the last such field winning
    // (captured by the variant generator: `Content_Type: application/x-www-form-urlencoded`).
    const name = `HTTP_${lower.toUpperCase().replace(/-/g, '_')}`;
    if (name === 'HTTP_CONTENT_TYPE') contentType = value;
    else if (name === 'HTTP_CONTENT_LENGTH') contentLength = value;
    else {
      environ.set(name, pyStr(value));
      changes.push({
        kind: 'renamed',
        from: lower,
        to: name,
        message: msg('change.renamedHeader', { from: lower, to: name }),
      });
    }
  }
  if (contentType !== undefined) environ.set('CONTENT_TYPE', pyStr(contentType));
  if (contentLength !== undefined) environ.set('CONTENT_LENGTH', pyStr(contentLength));
  return { environ, changes };
}

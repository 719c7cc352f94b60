import type { WebServerProfile } from '../profile.ts';
import type { RequestContext } from '../request-context.ts';
import type { CgiResponse } from '../../cgi/parse-cgi-response.ts';
import type { HttpResponse, HttpParseError } from '../../http/types.ts';
import type { Change } from '../../trace.ts';
import { STRICT_HTTP_OPTIONS } from '../../http/parse-options.ts';
import { contentRange, singleByteRange, type ByteRange } from '../../http/byte-range.ts';
import { reasonPhrase } from '../../http/reason-phrases.ts';
import { lighttpdErrorBody } from '../error-bodies.ts';
import { findFileBefore, findStaticDirectory, findStaticFile, isStaticDirectory } from '../static-files.ts';
import { lighttpdEtag } from '../etag.ts';
import { noneMatchStar } from '../../http/if-none-match.ts';
import {
  lighttpdAccessDenied,
  lighttpdDecodedPath,
  lighttpdNormalizedPath,
  lighttpdNormalizedQuery,
  lighttpdRefusedAt,
} from './lighttpd-uri.ts';
import { lighttpdHost, lighttpdHostError } from './lighttpd-host.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { productVersion, verifiedAgainst } from '../../upstream-versions.ts';
import { msg } from '../../message.ts';
import { LIGHTTPD_RECORDS, lighttpdVariables } from './lighttpd-variables.ts';
import { modCgiFaults } from './mod-cgi-faults.ts';
import { lighttpdUpstreamFailures } from './lighttpd-upstream-failures.ts';
import { contentFor, dateHeader } from '../response-parts.ts';
import { parserLimits } from '../server-limits.ts';
import { LIGHTTPD_LIMITS } from './lighttpd-limits.ts';
import { lighttpdUpgradeError } from './lighttpd-upgrade.ts';

/** The `code` of an error answer for a backend that failed (no parse error): observed to keep the connection. */
export const BACKEND_FAILED = 'backend-failed';

/** The `code` of a 501 for a method no module took (no parse error): the connection stays open too. */
const NO_HANDLER = 'no-handler';

const SERVER = 'lighttpd/1.4.69';

/** Debian's create-mime.conf.pl adds `;charset=utf-8` to text types. */
function lighttpdType(type: string): string {
  return type.startsWith('text/') ? `${type};charset=utf-8` : type;
}

/** Errors lighttpd hits before it has read the request line's version, so it answers as HTTP/1.0. */
const EARLY_ERRORS = new Set(['uri-too-long', 'headers-too-large']);

/**
 * lighttpd answers 1.0 requests, and requests whose line it could not read, as HTTP/1.0; a request rejected in
 * its header section is answered in the version its request line named (`lineVersion`).
 */
function responseVersion(context: RequestContext | null, code?: string, lineVersion?: string): string {
  if (code !== undefined && EARLY_ERRORS.has(code)) return 'HTTP/1.0';
  // Before the version was read (a bare LF or an odd version in the request line, an empty line before it) there is
  // none to answer in.
  const version = context?.request.version ?? lineVersion;
  return version === undefined || version === 'HTTP/1.0' ? 'HTTP/1.0' : 'HTTP/1.1';
}

/** Methods lighttpd knows (http_method_buf in request.c); anything else is 501. */
const KNOWN_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'ACL',
  'BASELINE-CONTROL',
  'BIND',
  'CHECKIN',
  'CHECKOUT',
  'COPY',
  'LABEL',
  'LINK',
  'LOCK',
  'MERGE',
  'MKACTIVITY',
  'MKCALENDAR',
  'MKCOL',
  'MKREDIRECTREF',
  'MKWORKSPACE',
  'MOVE',
  'ORDERPATCH',
  'PATCH',
  'PROPFIND',
  'PROPPATCH',
  'REBIND',
  'REPORT',
  'SEARCH',
  'UNBIND',
  'UNCHECKOUT',
  'UNLINK',
  'UNLOCK',
  'UPDATE',
  'UPDATEREDIRECTREF',
  'VERSION-CONTROL',
  // PRI is in the table for HTTP/2's preface; on an HTTP/1.x request line it is refused with 501 as the request
  // line is read, like an unknown method (verified by hand).
]);

/** Whether the request carried a body (lighttpd closes rather than skip an unread body). */
function hasBody(context: RequestContext): boolean {
  return context.request.framing === 'chunked' || context.request.body.length > 0;
}

/** Whether a latin-1 string of bytes is valid UTF-8. */
function isUtf8(bytes: string): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0) & 0xff));
    return true;
  } catch {
    return false;
  }
}

/** The Connection header lighttpd adds: close, keep-alive for 1.0 clients that asked, nothing for 1.1 keep-alive. */
function connection(context: RequestContext): [string, string][] {
  if (context.closes) return [['Connection', 'close']];
  return context.request.version === 'HTTP/1.0' ? [['Connection', 'keep-alive']] : [];
}

/**
 * A directory of the document root, whatever the method: a path without its slash is redirected to it (301,
 * `Location` the path and query as normalised, no page: `Content-Length: 0`, none on HEAD;
 * http_response_redirect_to_directory), and one with it holds no index file (mod_indexfile) while dir-listing is
 * off: 403, the connection kept as for a 404. Captured: 100, 101.
 */
function lighttpdDirectory(context: RequestContext, path: string): HttpResponse | null {
  const directory = findStaticDirectory(path);
  if (!directory) return null;
  if (directory.kind === 'listing') return LIGHTTPD.errorResponse(403, context);
  const query = context.target.query === null ? '' : `?${lighttpdNormalizedQuery(context) ?? ''}`;
  const location = `${lighttpdNormalizedPath(context).replace(/\/?$/, '/')}${query}`;
  return {
    version: responseVersion(context),
    status: 301,
    reason: reasonPhrase(301),
    headers: [
      ['Location', location],
      ...(context.isHead ? [] : [['Content-Length', '0'] as [string, string]]),
      ...(hasBody(context) ? [['Connection', 'close'] as [string, string]] : connection(context)),
      dateHeader(),
      ['Server', SERVER],
    ],
    body: new Uint8Array(0),
  };
}

/** lighttpd 1.4.69 as packaged in Debian 12, with the reference lighttpd.conf (strict header parsing, URL normalisation). */
export const LIGHTTPD: WebServerProfile = {
  id: 'lighttpd',
  label: productVersion('lighttpd'),
  provenance: verifiedAgainst(productVersion('lighttpd')),
  httpOptions: {
    ...STRICT_HTTP_OPTIONS,
    obsFold: 'spaces-for-crlf',
    fragment: 'allow',
    // http_request_parse_reqline reads the version, then looks the method up (501 for one it does not know, before
    // the target and the header section are looked at), then the target (request.c; captured: cases 123–124).
    methodCheck: 'known',
    knownMethods: KNOWN_METHODS,
    // The method ends at the first space and the version is the last word: spaces between stay in the target,
    // which url-normalize-required then encodes as %20 (request.c, http_request_parse_reqline).
    requestLineSplit: 'first-and-last-space',
    // The version first, from the end of the line: its errors are answered as HTTP/1.0 (request.c).
    versionSyntax: 'lighttpd-suffix',
    // No empty line before the request line; a bare LF is taken on the empty line that ends the head only, a field
    // line's is "missing CR before LF in header" (request.c; captured: cases 116–118).
    leadingEmptyLines: 'reject',
    // It parses nothing before the head's empty line: a request line alone waits.
    simpleRequests: 'wait',
    readsHeadFirst: true,
    bareLfEmptyLine: 'allow',
    // Checked in vet(): an absolute-form target supplies the host (lighttpd-host.ts).
    requireHost: false,
    limits: parserLimits(LIGHTTPD_LIMITS),
    // http_request_parse_headers: "HTTP/1.0 with Transfer-Encoding (bad request)" (request.c).
    transferEncodingHttp10: 'reject',
    // `*` only with OPTIONS (request.c); a host:port target is refused below whatever the method.
    targetFormMethods: 'rfc',
    // A static file's handler discards the body and never looks at its chunks; a gateway reads it whole first.
    chunkErrors: 'defer',
  },
  limits: LIGHTTPD_LIMITS,
  answerDirectly(context) {
    if (context.target.form !== 'asterisk' || context.request.method !== 'OPTIONS') return null;
    return optionsAnswer(context);
  },
  vet(context): HttpParseError | null {
    // In the order of request.c: the method (request line: the parser's `knownMethods`), the target and Host, %00
    // in the path, then the body.
    const { request } = context;
    const hostError = lighttpdHostError(context);
    if (hostError) return hostError;
    const upgradeError = lighttpdUpgradeError(context);
    if (upgradeError) return upgradeError;
    const nul = context.target.path.search(/%00/);
    if (nul >= 0)
      return {
        code: 'bad-request-line',
        message: msg('reject.lighttpdNul'),
        offset: request.method.length + 1 + nul,
        status: 400,
      };
    const refused = lighttpdRefusedAt(request.target);
    if (refused >= 0)
      return {
        code: 'bad-path',
        message: msg('reject.lighttpdUrlByte'),
        offset: request.method.length + 1 + refused,
        status: 400,
      };
    if (request.method === 'POST' && request.framing === 'none')
      return {
        code: 'bad-request-line',
        message: msg('reject.lighttpdPostLength'),
        offset: request.bodyOffset,
        status: 411,
      };
    const hasBody = request.framing === 'chunked' || request.body.length > 0;
    if ((request.method === 'GET' || request.method === 'HEAD') && hasBody)
      return {
        code: 'bad-request-line',
        message: msg('reject.lighttpdBodyNotAllowed', { method: request.method }),
        offset: request.bodyOffset,
        status: 400,
      };
    // mod_access answers before any handler, the application's location included (captured: 105).
    if (lighttpdAccessDenied(context))
      return {
        code: 'bad-path',
        message: msg('reject.lighttpdAccessDeny'),
        offset: request.method.length + 1,
        status: 403,
      };
    return null;
  },
  // A HEAD rejected in its header section gets the page's header block alone; lighttpd keeps the page's Content-Length (captured: 80).
  headRejection: 'keep-length',
  errorResponse(status, context, code, _quoted, lineVersion) {
    const body = lighttpdErrorBody(status);
    return {
      version: responseVersion(context, code, lineVersion),
      status,
      reason: reasonPhrase(status),
      headers: [
        ['Content-Type', 'text/html'],
        ['Content-Length', String(body.length)],
        // A 404, a 403, a backend's failure or a method no module took comes after the whole request was read: the
        // connection stays open.
        ...(context === null ||
        (status !== 404 && status !== 403 && code !== BACKEND_FAILED && code !== NO_HANDLER) ||
        hasBody(context)
          ? [['Connection', 'close'] as [string, string]]
          : connection(context)),
        dateHeader(),
        ['Server', SERVER],
      ],
      body: contentFor(context, body),
    };
  },
  bodyError: (context, via) => (via === 'static' ? null : LIGHTTPD.errorResponse(400, context)),
  serveStatic(context) {
    const path = lighttpdDecodedPath(context);
    // A path past a file's name (`/static/hello.txt/x`) is the file with that path info: the physical path check
    // walks back to the file (response.c, http_response_physical_path_check; captured: 101).
    const file = findStaticFile(path) ?? findFileBefore(path);
    const { method } = context.request;
    // A CONNECT no module takes is 405, before the path is looked for, and closes (verified by hand; through
    // mod_cgi too, while mod_fastcgi passes it on: not modelled).
    if (method === 'CONNECT') return LIGHTTPD.errorResponse(405, context);
    // A directory named without its slash is redirected first, whatever the method (captured: 101).
    const redirect = findStaticDirectory(path)?.kind === 'redirect' ? lighttpdDirectory(context, path) : null;
    if (redirect) return redirect;
    // Once the path is found (a file or a directory), mod_staticfile takes GET, HEAD and POST only; a request no
    // module took is answered 200 with the Allow list for OPTIONS and 501 for any other method
    // (http_response_prepare; captured: cases 120–121). A missing path is 404 whatever the method.
    if ((file || isStaticDirectory(path)) && !['GET', 'HEAD', 'POST'].includes(method))
      return method === 'OPTIONS' ? optionsAnswer(context) : LIGHTTPD.errorResponse(501, context, NO_HANDLER);
    if (!file) return lighttpdDirectory(context, path) ?? LIGHTTPD.errorResponse(404, context);
    // http_response_handle_cachable: `If-None-Match: *` is 304 to GET and HEAD, with the file's type and
    // validators, and 412 (the error page) to a POST (captured: case 142).
    if (noneMatchStar(context)) {
      if (method !== 'GET' && !context.isHead) return LIGHTTPD.errorResponse(412, context);
      return {
        version: responseVersion(context),
        status: 304,
        reason: 'Not Modified',
        headers: [
          ['Content-Type', lighttpdType(file.type)],
          ['ETag', lighttpdEtag()],
          ['Last-Modified', REFERENCE_SITE.lastModified],
          ...(hasBody(context) ? [['Connection', 'close'] as [string, string]] : connection(context)),
          dateHeader(),
          ['Server', SERVER],
        ],
        body: new Uint8Array(0),
      };
    }
    const range = lighttpdRange(context, file.body.length);
    const body = range ? file.body.subarray(range.first, range.last + 1) : file.body;
    return {
      version: responseVersion(context),
      status: range ? 206 : 200,
      reason: range ? 'Partial Content' : 'OK',
      headers: [
        ['Content-Type', lighttpdType(file.type)],
        ['ETag', lighttpdEtag()],
        ['Last-Modified', REFERENCE_SITE.lastModified],
        ['Content-Length', String(body.length)],
        // mod_staticfile offers byte ranges to GET and HEAD only.
        // … and only to HTTP/1.1: range requests are an HTTP/1.1 feature (captured: a 1.0 GET gets none).
        ...((context.request.method === 'GET' || context.isHead) && context.request.version === 'HTTP/1.1'
          ? [['Accept-Ranges', 'bytes'] as [string, string]]
          : []),
        ...(range ? [['Content-Range', contentRange(range)] as [string, string]] : []),
        // It answers without reading a body (a POST's, a chunked one even when empty or malformed), and closes the
        // connection that still holds it.
        ...(hasBody(context) ? [['Connection', 'close'] as [string, string]] : connection(context)),
        dateHeader(),
        ['Server', SERVER],
      ],
      body: contentFor(context, body),
    };
  },
  finishResponse: finishLighttpdResponse,
  arrivalChanges(context) {
    const changes: Change[] = [];
    const normalized = lighttpdNormalizedPath(context);
    if (normalized !== context.target.path)
      changes.push({
        kind: 'rewritten',
        from: context.target.path,
        to: normalized,
        message: msg('change.lighttpdNormalises'),
      });
    if (context.request.tolerated.some((t) => t.code === 'obs-fold'))
      changes.push({ kind: 'joined', message: msg('change.lighttpdObsFold') });
    if (context.target.form === 'absolute')
      changes.push({
        kind: 'rewritten',
        to: 'Host',
        message: msg('change.lighttpdHostFromTarget', { host: lighttpdHost(context) ?? '' }),
      });
    return changes;
  },
  // The reference lighttpd.conf mounts the backend at /app (mod_cgi's alias or mod_fastcgi's "/app" => …).
  routesToApplication: (context) => lighttpdDecodedPath(context).startsWith('/app'),
  // lighttpd reads a body without answering 100 Continue (verified: it never sends one).
  sendsContinue: () => false,
  upstreamFailures: lighttpdUpstreamFailures((status, context) =>
    LIGHTTPD.errorResponse(status, context, BACKEND_FAILED),
  ),
  cgi: {
    // cgi.upgrade is off (its default) in the reference configuration: mod_cgi removes an Upgrade field.
    variables: (context, scriptFilename) => lighttpdVariables(context, { scriptFilename, takesUpgrade: false }),
    // mod_cgi runs a file: the aliased script's path info must pass the physical path check, which finds nothing
    // for a decoded path that is not UTF-8 (a lone `\xe9`, `%80`, an encoded surrogate): 404 as for a missing
    // file (observed on lighttpd-cgi; lighttpd-fastcgi-flup, check-local disabled, passes it on).
    noScript: (context) => (isUtf8(lighttpdDecodedPath(context)) ? null : LIGHTTPD.errorResponse(404, context)),
    faults: modCgiFaults(
      (status, context) => LIGHTTPD.errorResponse(status, context, BACKEND_FAILED),
      finishLighttpdResponse,
    ),
  },
  fastcgi: {
    variables: (context) => lighttpdVariables(context, { scriptFilename: null, takesUpgrade: true }),
    records: LIGHTTPD_RECORDS,
    finishResponse: (response, context) => finishLighttpdResponse(response, context),
  },
};

/**
 * The range lighttpd serves (http_response_range): one satisfiable range, to a GET on HTTP/1.1 only (a HEAD and an
 * HTTP/1.0 request get the whole answer; captured: case 99).
 */
function lighttpdRange(context: RequestContext, length: number): ByteRange | null {
  if (context.request.method !== 'GET' || context.request.version !== 'HTTP/1.1') return null;
  return singleByteRange(context.request, length);
}

/** lighttpd's answer to OPTIONS (`*`, or a path no module took): the Allow list and no body. */
function optionsAnswer(context: RequestContext): HttpResponse {
  return {
    version: responseVersion(context),
    status: 200,
    reason: 'OK',
    // A body it did not read makes lighttpd close, as on its error pages (captured: OPTIONS * with a POST's body).
    headers: [
      ['Allow', 'GET, HEAD, OPTIONS, POST'],
      ['Content-Length', '0'],
      ...(hasBody(context) ? [['Connection', 'close'] as [string, string]] : connection(context)),
      dateHeader(),
      ['Server', SERVER],
    ],
    body: new Uint8Array(0),
  };
}

/** lighttpd buffers the backend's answer: its fields, then Content-Length, Connection, Date, Server; the Status reason is replaced by the standard one. */
function finishLighttpdResponse(response: CgiResponse, context: RequestContext): HttpResponse {
  // A Location without Status becomes a 302, whether the path is local or not.
  const status = response.location !== null && !response.hasStatusField ? 302 : response.status;
  const headers: [string, string][] = [];
  // The backend's own Content-Length stays where it was sent (lighttpd checks it and frames by it); without one,
  // lighttpd adds the length of the body it buffered, after Accept-Ranges.
  let length = false;
  // … and serve one range to a GET from the answer they buffered: a backend's Content-Length then counts the range
  // where it stands, otherwise the length is added after Content-Range (captured: case 128).
  const range = status === 200 ? lighttpdRange(context, response.body.length) : null;
  const body = range ? response.body.subarray(range.first, range.last + 1) : response.body;
  for (const [name, value] of response.headers) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' && !length) {
      length = true;
      headers.push([name, range ? String(body.length) : value]);
      continue;
    }
    if (
      lower === 'content-length' ||
      lower === 'connection' ||
      lower === 'transfer-encoding' ||
      lower === 'date' ||
      lower === 'server'
    )
      continue;
    headers.push([name, value]);
  }
  // The backend modules (mod_cgi, mod_fastcgi) announce byte ranges on what they relay to GET and HEAD.
  if ((context.request.method === 'GET' || context.isHead) && status === 200 && context.request.version === 'HTTP/1.1')
    headers.push(['Accept-Ranges', 'bytes']);
  if (range) headers.push(['Content-Range', contentRange(range)]);
  // To a HEAD, an empty body is no measured length: lighttpd then writes none (http_response_write_prepare;
  // captured: a HEAD answered by a Location alone, case 126).
  if (!length && !(context.isHead && body.length === 0)) headers.push(['Content-Length', String(body.length)]);
  headers.push(...connection(context), dateHeader(), ['Server', SERVER]);
  return {
    version: responseVersion(context),
    status: range ? 206 : status,
    reason: reasonPhrase(range ? 206 : status),
    headers,
    body: contentFor(context, body),
  };
}

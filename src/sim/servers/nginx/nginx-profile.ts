import { findHeader } from '../../http/header-lookup.ts';
import { nginxValidHost } from './nginx-host.ts';
import type { WebServerProfile } from '../profile.ts';
import type { RequestContext } from '../request-context.ts';
import type { CgiResponse } from '../../cgi/parse-cgi-response.ts';
import type { HttpParseError, HttpResponse } from '../../http/types.ts';
import type { Change } from '../../trace.ts';
import { STRICT_HTTP_OPTIONS } from '../../http/parse-options.ts';
import { climbsAboveRoot, NGINX_TARGET_START, percentDecode, splitTarget } from '../../http/target.ts';
import { reasonPhrase } from '../../http/reason-phrases.ts';
import { encodeChunked } from '../../http/serialize-response.ts';
import { nginxErrorBody } from '../error-bodies.ts';
import { findStaticDirectory, findStaticFile, isStaticDirectory } from '../static-files.ts';
import { nginxEtag } from '../etag.ts';
import { nginxHost, nginxUri } from './nginx-uri.ts';
import { nginxReason } from './nginx-reasons.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { productVersion, verifiedAgainst } from '../../upstream-versions.ts';
import { msg } from '../../message.ts';
import { expectsContinue } from '../../http/expects-continue.ts';
import { noneMatchStar } from '../../http/if-none-match.ts';
import { isHttp11OrLater } from '../../http/request-version.ts';
import { contentRange, singleByteRange } from '../../http/byte-range.ts';
import { NGINX_RECORDS, nginxFastcgiParams } from './nginx-fastcgi-params.ts';
import { nginxUwsgiParams } from './nginx-uwsgi-params.ts';
import { contentFor, dateHeader } from '../response-parts.ts';
import { nginxProxyRequest } from './nginx-proxy-request.ts';
import { readUpstreamResponse, simpleUpstreamResponse } from './nginx-proxy-response.ts';
import { nginxUpstreamFailures } from './nginx-upstream-failure.ts';
import { parserLimits } from '../server-limits.ts';
import { NGINX_LIMITS } from './nginx-limits.ts';

const SERVER = 'nginx/1.22.1';

/** Statuses after which nginx closes the connection (it disables keep-alive for these errors). */
const NGINX_CLOSES = new Set([400, 408, 411, 413, 414, 431, 494, 500, 501, 505]);

/**
 * nginx closes when the client asked, or when discarding a body it does not need failed on a malformed chunk
 * (ngx_http_discard_request_body gives up keep-alive; captured: 90).
 */
function closes(context: RequestContext): boolean {
  return context.closes || context.request.bodyError !== undefined;
}

/**
 * A directory of the document root, whatever the method: ngx_http_static_handler redirects a path without its
 * slash (301, Location built from the Host's name, or the local address without one, the listening port and the
 * query; port_in_redirect on), and ngx_http_index_module finds no index file in one with it, autoindex being off:
 * 403. Captured: 100.
 */
function nginxDirectory(context: RequestContext): HttpResponse | null {
  const directory = findStaticDirectory(nginxUri(context));
  if (!directory) return null;
  if (directory.kind === 'listing') return NGINX.errorResponse(403, context);
  const query = context.target.query === null ? '' : `?${context.target.query}`;
  const host = nginxHost(context, REFERENCE_SITE.serverAddr);
  const location = `http://${host}:${REFERENCE_SITE.serverPort}${directory.path}${query}`;
  const page = NGINX.errorResponse(301, context);
  const at = page.headers.findIndex(([name]) => name === 'Connection');
  return { ...page, headers: [...page.headers.slice(0, at), ['Location', location], ...page.headers.slice(at)] };
}

/** nginx 1.22.1 as packaged in Debian 12, with the reference nginx.conf. */
export const NGINX: WebServerProfile = {
  id: 'nginx',
  label: productVersion('nginx'),
  provenance: verifiedAgainst(productVersion('nginx')),
  httpOptions: {
    ...STRICT_HTTP_OPTIONS,
    allowBareLf: true,
    // Runs of SPs between the parts and after the version; any 1.x version, 505 for a major above 1
    // (ngx_http_parse_request_line; captured: cases 110–114).
    requestLineSplit: 'space-runs',
    versionSyntax: 'nginx-digits',
    // `GET /path` alone is HTTP/0.9: no header section, the answer without status line or headers; another method
    // is 400, answered the same way (captured: case 115 and the variant generator).
    simpleRequests: 'serve-get',
    missingColon: 'empty-value',
    // ngx_http_parse_header_line trims SPs around a value, never tabs (captured: case 133).
    valueWhitespace: 'sp',
    // ignore_invalid_headers on (the default): a name with `/`, `(`, `@`… is skipped (captured: case 82).
    invalidNameCharacters: 'skip',
    // A byte above 0x7F is no name character either: the line is skipped too (captured: case 129).
    nonAsciiName: 'skip',
    controlCharacters: 'allow',
    fragment: 'allow',
    // A method is made of A–Z, `_` and `-` (captured: M-SEARCH, case 122), refused before the version (case 130).
    methodCheck: 'capitals',
    limits: parserLimits(NGINX_LIMITS),
    // ngx_http_process_request_header: "client sent HTTP/1.0 request with Transfer-Encoding header" → 400, before
    // the coding is looked at.
    transferEncodingHttp10: 'reject',
    // A chunked body is counted against client_max_body_size only by a handler that reads it (captured by hand and
    // by the variant generator; a 1 MiB body is too large for the corpus).
    chunkedBodyLimit: 'reader',
    // A static file's handler discards the body and never looks at its chunks; a gateway reads it whole first.
    chunkErrors: 'defer',
  },
  limits: NGINX_LIMITS,
  // ngx_http_parse_request_line refuses these while it reads the line, before the header section is read or its
  // size counted, and before client_max_body_size is looked at (captured by the variant generator: `Get` with a
  // 9,000-byte field, `post` or an authority-form target with a body over 1 MiB are 400, not 400 "Request Header
  // Or Cookie Too Large" or 413).
  vetRequestLine({ method, target }): HttpParseError | null {
    // The method was checked by the parser (methodCheck `capitals`).
    if (target === '*')
      return {
        code: 'bad-request-line',
        message: msg('reject.nginxAsterisk'),
        offset: method.length + 1,
        status: 400,
      };
    // A target that does not start with `/` is read as a scheme, which needs `://`.
    if (!target.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(target))
      return {
        code: 'bad-request-line',
        message: msg('reject.nginxAuthorityForm'),
        offset: method.length + 1,
        status: 400,
      };
    // After `scheme://`, the host and port must be followed by the path, the query or nothing (`http://host#a`,
    // `http://a_b.test/` are 400: captured, case 132).
    if (!NGINX_TARGET_START.test(target))
      return {
        code: 'bad-request-line',
        message: msg('reject.nginxAbsoluteAuthority'),
        offset: method.length + 1,
        status: 400,
      };
    const refusedUri = nginxUriRefusal(method, target);
    if (refusedUri) return refusedUri;
    // ngx_http_process_request_line runs ngx_http_validate_host on an absolute-form target's host: `.`, `a..b` or
    // an empty host is 400 "client sent invalid host in request line" (captured by the variant generator:
    // `GET https://./example.test/app/`).
    const authority = splitTarget(target).authority;
    if (authority !== null && nginxValidHost(authority) === null)
      return {
        code: 'bad-request-line',
        message: msg('reject.nginxInvalidHost', { host: authority }),
        offset: method.length + 1,
        status: 400,
      };
    return null;
  },
  // ngx_http_process_host validates the Host line as soon as it is read: a bad one is 400 before a later line
  // over large_client_header_buffers (494's page) and before ngx_http_process_request_header looks at
  // Transfer-Encoding (captured by the variant generator: `Host: ` then an 8,200-byte field, `Transfer-Encoding:
  // gzip` then `Host: `).
  vetFields(fields): HttpParseError | null {
    const host = findHeader(fields, 'host');
    if (!host || nginxValidHost(host.value) !== null) return null;
    return {
      code: 'bad-request-line',
      message: msg('reject.nginxInvalidHost', { host: host.value }),
      offset: host.offset,
      status: 400,
    };
  },
  vet(context): HttpParseError | null {
    const { request } = context;
    const host = findHeader(request.headers, 'host');
    if (host && nginxValidHost(host.value) === null)
      return {
        code: 'bad-request-line',
        message: msg('reject.nginxInvalidHost', { host: host.value }),
        offset: host.offset,
        status: 400,
      };
    // Once the request line and the header fields are read, ngx_http_process_request_header refuses CONNECT and
    // TRACE with 405 and closes, whatever the target (source; captured: case 83, CONNECT verified by hand), once
    // the request line and the Host have passed (an authority-form TRACE is 400: found by the variant generator).
    if (request.method === 'TRACE')
      return {
        code: 'method-not-allowed',
        message: msg('reject.traceNotAllowed', { server: 'nginx' }),
        offset: 0,
        status: 405,
      };
    if (request.method === 'CONNECT')
      return {
        code: 'method-not-allowed',
        message: msg('reject.nginxConnect'),
        offset: 0,
        status: 405,
      };
    return null;
  },
  // A HEAD rejected in its header section gets the page's header block alone; nginx keeps the page's Content-Length (captured: 80).
  headRejection: 'keep-length',
  errorResponse(status, context, code) {
    const body = nginxErrorBody(status, code);
    return {
      version: 'HTTP/1.1',
      status,
      reason: nginxReason(status),
      headers: [
        ['Server', SERVER],
        dateHeader(),
        ['Content-Type', 'text/html'],
        ['Content-Length', String(body.length)],
        [
          'Connection',
          context === null || closes(context) || NGINX_CLOSES.has(status) || code === 'method-not-allowed'
            ? 'close'
            : 'keep-alive',
        ],
      ],
      body: contentFor(context, body),
    };
  },
  // ngx_http_static_handler discards the body once it has found the file and taken the method (GET, HEAD): a bad
  // chunk is 400 there. A missing file, a directory or a refused method is answered as usual, the connection
  // closed (captured: 90).
  bodyError(context, via) {
    const served = findStaticFile(nginxUri(context)) !== null && ['GET', 'HEAD'].includes(context.request.method);
    return via !== 'static' || served ? NGINX.errorResponse(400, context) : null;
  },
  serveStatic(context) {
    const uri = nginxUri(context);
    const file = findStaticFile(uri);
    // try_files finds the file or the directory whatever the method; then ngx_http_static_handler (and, for a
    // directory, the index module) refuses any method but GET, HEAD and POST with 405 before it opens anything
    // (captured: cases 120–121).
    if ((file || isStaticDirectory(uri)) && !['GET', 'HEAD', 'POST'].includes(context.request.method))
      return NGINX.errorResponse(405, context);
    if (!file) return nginxDirectory(context) ?? NGINX.errorResponse(404, context);
    // ngx_http_static_module serves files to GET and HEAD; a POST to a file is not allowed (verified).
    if (context.request.method === 'POST') return NGINX.errorResponse(405, context);
    // ngx_http_not_modified_filter: `If-None-Match: *` is 304 before the range filter runs, with the validators
    // and no Content-Type, Content-Length or Accept-Ranges (captured: case 142).
    if (noneMatchStar(context))
      return {
        version: 'HTTP/1.1',
        status: 304,
        reason: 'Not Modified',
        headers: [
          ['Server', SERVER],
          dateHeader(),
          ['Last-Modified', REFERENCE_SITE.lastModified],
          ['Connection', closes(context) ? 'close' : 'keep-alive'],
          ['ETag', nginxEtag(file.body.length)],
        ],
        body: new Uint8Array(0),
      };
    // ngx_http_range_filter_module: one satisfiable range is 206 with Content-Range last and no Accept-Ranges, to
    // GET and HEAD, HTTP/1.0 too (captured: case 99).
    const range = singleByteRange(context.request, file.body.length);
    const body = range ? file.body.subarray(range.first, range.last + 1) : file.body;
    return {
      version: 'HTTP/1.1',
      status: range ? 206 : 200,
      reason: range ? 'Partial Content' : 'OK',
      headers: [
        ['Server', SERVER],
        dateHeader(),
        ['Content-Type', file.type],
        ['Content-Length', String(body.length)],
        ['Last-Modified', REFERENCE_SITE.lastModified],
        ['Connection', closes(context) ? 'close' : 'keep-alive'],
        ['ETag', nginxEtag(file.body.length)],
        range ? ['Content-Range', contentRange(range)] : ['Accept-Ranges', 'bytes'],
      ],
      body: contentFor(context, body),
    };
  },
  finishResponse: finishNginxResponse,
  arrivalChanges(context) {
    const changes: Change[] = [];
    const uri = nginxUri(context);
    if (uri !== context.target.path)
      changes.push({
        kind: 'decoded',
        from: context.target.path,
        to: uri,
        message: msg('change.nginxUri'),
      });
    return changes;
  },
  // The reference nginx.conf: `location /app/` goes to the upstream, everything else to the document root.
  routesToApplication: (context) => nginxUri(context).startsWith('/app/'),
  // nginx answers 100 Continue when it reads the body for an upstream, body or not; it never reads one for a file.
  // A proxy or gateway reads the body, so it tests the expectation first. ngx_http_static_handler discards the body
  // only once it has found the file and the method is GET or HEAD, and ngx_http_discard_request_body calls
  // ngx_http_test_expect first: that answer starts with 100 Continue, a 404, a directory or a 405 does not
  // (captured: case 176 and its variants).
  sendsContinue: (context, via) =>
    expectsContinue(context) &&
    (via !== 'static' ||
      (['GET', 'HEAD'].includes(context.request.method) && findStaticFile(nginxUri(context)) !== null)),
  fastcgi: {
    variables: (context, scriptFilename) => nginxFastcgiParams(context, scriptFilename),
    records: NGINX_RECORDS,
    finishResponse: (response, context) => finishNginxResponse(response, context),
  },
  uwsgi: {
    variables: (context) => nginxUwsgiParams(context),
    finishResponse: (response, context) => finishNginxResponse(response, context),
  },
  proxy: { request: nginxProxyRequest, readResponse: readUpstreamResponse, simpleResponse: simpleUpstreamResponse },
  upstreamFailures: nginxUpstreamFailures((status, context) => NGINX.errorResponse(status, context)),
};

/** nginx relays an upstream's CGI-style header block: its own Server/Date first, chunked for HTTP/1.1 when no length is known. */
function finishNginxResponse(response: CgiResponse, context: RequestContext): HttpResponse {
  if (response.location !== null && !response.hasStatusField)
    response = { ...response, status: 302, hasStatusField: false };
  const headers: [string, string][] = [['Server', SERVER], dateHeader()];
  const contentType = response.headers.find(([n]) => n.toLowerCase() === 'content-type');
  const contentLength = response.headers.find(([n]) => n.toLowerCase() === 'content-length');
  if (contentType) headers.push(['Content-Type', contentType[1]]);
  if (contentLength) headers.push(['Content-Length', contentLength[1]]);
  const chunked = !contentLength && isHttp11OrLater(context.request.version) && !context.isHead;
  if (chunked) headers.push(['Transfer-Encoding', 'chunked']);
  headers.push([
    'Connection',
    context.closes || (!contentLength && !chunked && !context.isHead) ? 'close' : 'keep-alive',
  ]);
  for (const header of response.headers) {
    const lower = header[0].toLowerCase();
    if (
      lower === 'content-type' ||
      lower === 'content-length' ||
      lower === 'connection' ||
      lower === 'transfer-encoding'
    )
      continue;
    headers.push([header[0], header[1]]);
  }
  const reason = response.hasStatusField
    ? response.reason || reasonPhrase(response.status)
    : nginxReason(response.status);
  const body = contentFor(context, chunked ? encodeChunked([response.body]) : response.body);
  // An HTTP upstream's status line goes out as it came (ngx_http_upstream_process_headers sets
  // `r->headers_out.status_line`): `200` stays `HTTP/1.1 200`.
  const { statusText } = response;
  if (statusText !== undefined && statusText !== `${response.status} ${reason}`)
    return {
      version: 'HTTP/1.1',
      status: response.status,
      reason: response.reason,
      headers,
      body,
      statusLine: `HTTP/1.1 ${statusText}`,
    };
  return { version: 'HTTP/1.1', status: response.status, reason, headers, body };
}

/**
 * ngx_http_process_request_uri, right after the request line is parsed and before the header section is read:
 * ngx_http_parse_complex_uri refuses a bad escape, `%00`, and a `..` above the root (it decodes escapes as it
 * resolves dot segments). So a bad path is the plain 400 even when a header line that follows is too large
 * (captured: case 100; found by the variant generator: `%4` then a 16,000-byte field).
 */
function nginxUriRefusal(method: string, target: string): HttpParseError | null {
  const { path, scheme, authority } = splitTarget(target);
  // The path's offset in the request line: after an absolute-form target's `scheme://host`.
  const at = method.length + 1 + (scheme !== null ? `${scheme}://${authority ?? ''}`.length : 0);
  const badEscape = path.search(/%(?![0-9a-fA-F]{2})/);
  if (badEscape >= 0)
    return { code: 'bad-request-line', message: msg('reject.badPercent'), offset: at + badEscape, status: 400 };
  const nul = path.search(/%00/);
  if (nul >= 0) return { code: 'bad-request-line', message: msg('reject.nginxNul'), offset: at + nul, status: 400 };
  if (climbsAboveRoot(percentDecode(path)))
    return {
      code: 'bad-request-line',
      message: msg('reject.aboveRoot', { server: 'nginx' }),
      offset: at,
      status: 400,
    };
  return null;
}

import { findHeader } from '../../http/header-lookup.ts';
import { apacheHost, apacheHostValue } from './apache-host.ts';
import type { Forwarding, WebServerProfile } from '../profile.ts';
import { splitHostPort, type RequestContext } from '../request-context.ts';
import type { CgiResponse } from '../../cgi/parse-cgi-response.ts';
import type { HttpParseError, HttpResponse } from '../../http/types.ts';
import type { Change } from '../../trace.ts';
import { STRICT_HTTP_OPTIONS } from '../../http/parse-options.ts';
import { isHttp11OrLater } from '../../http/request-version.ts';
import { reasonPhrase } from '../../http/reason-phrases.ts';
import { encodeChunked } from '../../http/serialize-response.ts';
import { proxyFcgiBodyReads } from './proxy-fcgi-reads.ts';
import {
  climbsAboveRoot,
  hasEmptyUriPath,
  normalizePath,
  percentDecode,
  splitTarget,
  targetSyntaxFor,
} from '../../http/target.ts';
import { apacheErrorBody, apacheReason } from '../error-bodies.ts';
import { findStaticDirectory, findStaticFile, isStaticDirectory } from '../static-files.ts';
import { autoindexBody } from './apache-autoindex.ts';
import { apacheDefaultHandler, apacheTypeOf } from './apache-methods.ts';
import { apacheEtag } from '../etag.ts';
import {
  APACHE_VERSION,
  apacheAuthority,
  apacheSignatureForLine,
  apacheServerNameAndPort,
  apacheUriPort,
  apacheSignature,
} from './apache-names.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { apacheAwaitsContinue, apacheExpect, apacheExpectsContinue } from './apache-expect.ts';
import { contentRange, singleByteRange } from '../../http/byte-range.ts';
import { apacheVariables } from './apache-variables.ts';
import { fileCondition, scriptCondition } from './apache-conditions.ts';
import { modCgidFaults } from './mod-cgid-faults.ts';
import { proxyFcgiFailures } from './proxy-fcgi-failures.ts';
import { productVersion, verifiedAgainst } from '../../upstream-versions.ts';
import { msg } from '../../message.ts';
import { contentFor, dateHeader } from '../response-parts.ts';
import { parserLimits } from '../server-limits.ts';
import { APACHE_LIMITS } from './apache-limits.ts';
import { maxForwardsAnswer, withMaxForwardsLowered } from './apache-max-forwards.ts';

/** Statuses after which Apache always closes the connection (ap_status_drops_connection; 417 is not one). */
const DROPS_CONNECTION = new Set([400, 408, 411, 413, 414, 500, 501, 503]);

/**
 * Apache's connection headers (KeepAlive On, timeout 5, max 100): close when asked or forced; the Keep-Alive pair
 * when the client sent the `keep-alive` token, whatever its version (ap_set_keepalive: `ka_sent`; an HTTP/1.0
 * client keeps the connection only by sending it). Captured: cases 48, 128.
 */
function connectionHeaders(context: RequestContext, canKeepAlive: boolean): [string, string][] {
  // ap_read_request: with Transfer-Encoding and Content-Length both sent, "don't reuse this connection anyway".
  const conflicted = context.request.tolerated.some((t) => t.code === 'conflicting-length');
  if (context.closes || !canKeepAlive || conflicted || apacheAwaitsContinue(context)) return [['Connection', 'close']];
  const connection = findHeader(context.request.headers, 'connection')?.value ?? '';
  return /(^|,)\s*keep-alive\s*(,|$)/i.test(connection)
    ? [
        ['Keep-Alive', 'timeout=5, max=100'],
        ['Connection', 'Keep-Alive'],
      ]
    : [];
}

/**
 * A directory of the document root: mod_dir redirects a path without its slash (301 to the absolute URL, the
 * query kept, any method), and mod_autoindex lists one with it (`Options Indexes`, no index file) to GET and
 * HEAD (the listing's length is left out on HEAD); another method finds no handler (404). Captured: 100.
 */
function apacheDirectory(context: RequestContext, path: string): HttpResponse | null {
  const directory = findStaticDirectory(path);
  if (!directory) return null;
  const signature = apacheSignature(APACHE_VERSION, context);
  if (directory.kind === 'redirect') {
    const { name, port } = apacheServerNameAndPort(context);
    const query = context.target.query === null ? '' : `?${context.target.query}`;
    const location = `http://${name}:${port}${directory.path}${query}`;
    const body = apacheErrorBody(301, signature, { location });
    return {
      version: 'HTTP/1.1',
      status: 301,
      reason: apacheReason(301),
      headers: [
        dateHeader(),
        ['Server', APACHE_VERSION],
        ['Location', location],
        ...(context.isHead ? [] : [['Content-Length', String(body.length)] as [string, string]]),
        ...connectionHeaders(context, true),
        ['Content-Type', 'text/html; charset=iso-8859-1'],
      ],
      body: contentFor(context, body),
    };
  }
  if (context.request.method !== 'GET' && !context.isHead) return null;
  const body = autoindexBody(directory.path, directory.entries, signature);
  return {
    version: 'HTTP/1.1',
    status: 200,
    reason: 'OK',
    headers: [
      dateHeader(),
      ['Server', APACHE_VERSION],
      ...(context.isHead ? [] : [['Content-Length', String(body.length)] as [string, string]]),
      ...connectionHeaders(context, true),
      ['Content-Type', 'text/html;charset=UTF-8'],
    ],
    body: contentFor(context, body),
  };
}

/** Apache 2.4.71 as packaged in Debian 12, with the reference apache2.conf (security.conf: ServerTokens OS, ServerSignature On). */
export const APACHE: WebServerProfile = {
  id: 'apache2',
  label: productVersion('apache'),
  provenance: verifiedAgainst(productVersion('apache')),
  httpOptions: {
    ...STRICT_HTTP_OPTIONS,
    obsFold: 'join-with-space',
    lengthConflict: 'chunked-wins',
    laterVersions: 'accept',
    // read_request_line skips empty lines before the request line; HttpProtocolOptions Strict wants each of them
    // CRLF, a bare LF being 400 like any other (captured: cases 116–117).
    leadingEmptyLines: 'skip-crlf',
    // HttpProtocolOptions Strict Allow0.9 (the defaults): a GET without a version is served as HTTP/0.9; another
    // method is rrl_badmethod09, a 400 in HTTP/1.1 (captured: case 115 and the variant generator).
    simpleRequests: 'serve-get-strict',
    // ap_read_request refuses a Transfer-Encoding only when its last coding is not chunked (ap_is_chunked), and
    // the HTTP input filter then de-chunks the body; the codings before it are passed on undone.
    codingsBeforeChunked: 'pass-on',
    // The body is de-chunked only when a handler reads or discards it (ap_get_client_block, ap_discard_request_body).
    chunkErrors: 'defer',
    // ap_parse_request_line: `*` only with OPTIONS, host:port only with CONNECT; anything else is 400. And a
    // CONNECT's target must be host:port (ap_parse_uri; verified by hand).
    targetFormMethods: 'rfc-and-connect',
    // ap_parse_uri reads the target with apr_uri_parse: `scheme:` then a path is a URI too (`http:/app/` is `/app/`,
    // `http:` is `/`), its scheme any; the path must start with `/` (captured: cases 163–171).
    targetSyntax: 'apr-uri',
    // Checked in vet(), once an absolute-form target's host is known: it names the host on the error page.
    requireHost: false,
    // ap_get_mime_headers merges a repeated Host like any field; fix_hostname then refuses the merged value, unless
    // an http:// target names the host and Host is not read (captured: case 140's variants).
    repeatedHost: 'keep',
    // ap_get_mime_headers_core reads the next line (a continuation would fold into this one) before it checks a
    // field line's colon and name; reading a line over LimitRequestFieldSize fails at once.
    fieldChecks: 'after-next-line',
    // LimitRequestFields counts fields: an obs-fold continuation line is not one (found by the variant generator).
    fieldCountUnit: 'field',
    limits: parserLimits(APACHE_LIMITS),
  },
  limits: APACHE_LIMITS,
  statusOverrides: { 'unsupported-transfer-coding': 400 },
  // ap_parse_request_line under HttpProtocolOptions Strict, after the fragment: "URI must not contain a
  // username/password" (RFC 9110 §4.2.4: no userinfo in an http(s) target), before the header section is read
  // (captured: case 179's variants).
  vetRequestLine({ method, target }): HttpParseError | null {
    const { authority, form } = splitTarget(target, targetSyntaxFor(method, 'apr-uri'));
    if (form !== 'absolute' || authority === null || !authority.includes('@')) return null;
    return {
      code: 'bad-request-line',
      message: msg('reject.apacheUserinfo'),
      offset: method.length + 1,
      status: 400,
      lineTarget: target,
    };
  },
  vet(context): HttpParseError | null {
    // ap_parse_uri: an absolute-form target whose port is not digits fails apr_uri_parse, a 400 before the header
    // section is looked at.
    if (apacheUriPort(context)?.valid === false)
      return {
        code: 'bad-request-line',
        message: msg('reject.apacheUriPort'),
        offset: context.request.method.length + 1,
        status: 400,
      };
    // RFC 9112 §3.2: an HTTP/1.1 request without Host gets 400, even when its absolute-form target names the host
    // (ap_read_request looks for the header; the error page's signature already shows the target's host).
    // An empty Host counts as none (ap_read_request: "Client sent HTTP/1.1 request without hostname").
    // `r->proto_num >= HTTP_VERSION(1, 1)`: HTTP/1.2 and HTTP/9.9 too (captured by the variant generator).
    // With an http:// target naming the host, only a missing field counts: an empty one (or two) is not looked at
    // (captured: case 140).
    // ap_check_request_header: `(!r->hostname && r->proto_num >= HTTP_VERSION(1, 1)) || (r->proto_num ==
    // HTTP_VERSION(1, 1) && !apr_table_get(r->headers_in, "Host"))`: a target naming the host spares HTTP/1.2 the
    // field, not HTTP/1.1 (found by the variant generator).
    const named = apacheAuthority(context) !== null;
    const noHost = named
      ? context.request.version === 'HTTP/1.1' && !findHeader(context.request.headers, 'host')
      : !context.host;
    if (isHttp11OrLater(context.request.version) && noHost)
      return {
        code: 'missing-host',
        message: msg('http.missingHost'),
        offset: context.request.bodyOffset,
        status: 400,
      };

    // fix_hostname checks the host Apache took: an http:// target's (user part left out), else the Host field's.
    const authority = context.target.form === 'absolute' ? apacheAuthority(context) : null;
    const hostField = authority !== null ? undefined : findHeader(context.request.headers, 'host');
    // apr_uri_parse has already split off the target's port: only its name is checked.
    const hostValue =
      authority !== null ? splitHostPort(authority.replace(/^[^@]*@/, '')).name : apacheHostValue(context);
    if ((hostField || authority !== null) && hostValue !== null && apacheHost(hostValue)?.kind === 'invalid')
      return {
        code: 'bad-request-line',
        message: msg('reject.apacheInvalidHost', { host: hostValue }),
        offset: hostField?.offset ?? context.request.method.length + 1,
        status: 400,
      };
    // ap_check_request_header, right after the Host checks and before any handler or the path's checks: an
    // expectation other than 100-continue is 417, whatever the version, method or target (captured: case 138).
    const expect = apacheExpect(context);
    if (expect !== null && !apacheExpectsContinue(context))
      return {
        code: 'unsupported-expectation',
        message: msg('reject.apacheExpectation', { expect }),
        offset: findHeader(context.request.headers, 'expect')?.offset ?? 0,
        status: 417,
      };
    // A scheme other than http or https (in any case) is 400 after the Expect check and before the path's checks: an
    // encoded slash, Max-Forwards or TRACE do not come first (captured: case 165, `ftp://` and `foo://` targets too).
    const { scheme } = context.target;
    if (scheme !== null && !/^https?$/i.test(scheme))
      return {
        code: 'bad-request-line',
        message: msg('reject.apacheScheme', { scheme }),
        offset: context.request.method.length + 1,
        status: 400,
      };
    // No mod_proxy: a CONNECT reaches no handler that takes it (core answers 405, the Allow list of the location).
    if (context.request.method === 'CONNECT' && context.target.form === 'authority')
      return {
        code: 'bad-method',
        message: msg('reject.apacheConnect'),
        offset: 0,
        status: 405,
      };
    const bad = context.target.path.search(/%(?![0-9a-fA-F]{2})/);
    if (bad >= 0)
      return {
        code: 'bad-request-line',
        message: msg('reject.badPercent'),
        offset: context.request.method.length + 1 + bad,
        status: 400,
      };
    // ap_process_request_internal: ap_normalize_path decodes unreserved escapes (`%2e`) before resolving dot
    // segments, and refuses a path that climbs above the root (captured: 100).
    if (climbsAboveRoot(context.target.path.replace(/%2e/gi, '.')))
      return {
        code: 'bad-request-line',
        message: msg('reject.aboveRoot', { server: 'Apache' }),
        offset: context.request.method.length + 1,
        status: 400,
      };
    // TRACE is answered 405 before any handler runs, with an empty Allow (captured: case 83, every Apache pipeline),
    // once the Host and the path have passed (a TRACE with `%zz`, a bad Host or `/../` is 400: found by the variant
    // generator).
    if (context.request.method === 'TRACE') {
      // AllowEncodedSlashes Off answers 404 to `%2F` (and `%00`) even before TRACE is refused.
      const encoded = context.target.path.search(/%2f|%00/i);
      if (encoded >= 0)
        return {
          code: 'bad-path',
          message: msg('reject.apacheEncodedSlash'),
          offset: context.request.method.length + 1 + encoded,
          status: 404,
        };
      return {
        code: 'method-not-allowed',
        message: msg('reject.traceNotAllowed', { server: 'Apache' }),
        offset: 0,
        status: 405,
      };
    }
    return null;
  },
  answerDirectly(context) {
    const { form } = context.target;
    // ap_parse_uri makes an OPTIONS whose URI has no path `OPTIONS *` (RFC 9112 §3.2.4; captured: case 172).
    const emptyOptions = context.request.method === 'OPTIONS' && form === 'absolute';
    if (form !== 'asterisk' && !(emptyOptions && hasEmptyUriPath(context.request.target))) return null;
    // The core's OPTIONS handler discards the body first: a malformed chunk is a plain 400 (captured: case 139).
    if (context.request.bodyError) return discardFailed(context);
    // The core answers OPTIONS * itself.
    return coreEmptyAnswer(context);
  },
  // A HEAD rejected in its header section gets the page's header block alone; Apache sends no Content-Length either (captured: 80).
  headRejection: 'drop-length',
  errorResponse(status, context, code, _quoted, _lineVersion, lineTarget) {
    // Refused before any handler: ap_die discards the body to keep the connection, and a malformed chunk turns the
    // answer into a 400 naming the first error (captured: case 139). A CONNECT's 405 comes from the core handler,
    // which reads the body first (plain 400, see bodyError); a client still waiting for 100 Continue sends no body.
    if (context?.request.bodyError && !DROPS_CONNECTION.has(status) && !apacheAwaitsContinue(context))
      return code === 'bad-method' ? discardFailed(context) : discardFailed(context, status, code);
    const signature = context
      ? apacheSignature(APACHE_VERSION, context)
      : apacheSignatureForLine(APACHE_VERSION, lineTarget);
    const expect = context && status === 417 ? apacheExpect(context) : null;
    const body = apacheErrorBody(status, signature, {
      method: context?.request.method ?? 'GET',
      ...(code === undefined ? {} : { code }),
      ...(expect === null ? {} : { expect }),
    });
    // A 405 the core gives for a method no handler takes lists the location's methods (CONNECT, captured: 98);
    // TRACE's is refused before any handler and its Allow is empty (captured: 83).
    const allow: [string, string][] =
      status === 501 || (status === 405 && code !== 'method-not-allowed')
        ? [['Allow', 'GET,HEAD,OPTIONS,POST']]
        : status === 405
          ? [['Allow', '']]
          : [];
    const shown = status === 431 ? 400 : status;
    // The 413 for a body over LimitRequestBody is sent without a length and ended by closing (verified).
    const length = !context?.isHead && status !== 413;
    return {
      version: 'HTTP/1.1',
      status: shown,
      reason: apacheReason(shown),
      headers: [
        dateHeader(),
        ['Server', APACHE_VERSION],
        ...allow,
        ...(length ? [['Content-Length', String(body.length)] as [string, string]] : []),
        ...(context === null || DROPS_CONNECTION.has(shown)
          ? [['Connection', 'close'] as [string, string]]
          : connectionHeaders(context, !context.request.tolerated.some((t) => t.code === 'conflicting-length'))),
        ['Content-Type', 'text/html; charset=iso-8859-1'],
      ],
      body: contentFor(context, body),
    };
  },
  bodyError(context, via) {
    // mod_wsgi refuses chunked bodies before reading, mod_python never reads one (wsgi-modules.ts).
    if (via === 'module') return null;
    // The core refuses an encoded slash, and mod_dir redirects a directory named without its slash, before any
    // handler: the body is discarded after that first answer (captured: case 139).
    if (/%00|%2f/i.test(context.target.path)) return APACHE.errorResponse(404, context);
    const path = normalizePath(percentDecode(context.target.path), true);
    if (findStaticDirectory(path)?.kind === 'redirect') return discardFailed(context, 301);
    // The default handler discards the body, mod_cgid and mod_proxy_fcgi read it: the malformed chunk fails the
    // read, and the 400 page goes out on a closing connection without Content-Length (captured: 90).
    return discardFailed(context);
  },
  serveStatic(context) {
    // A path that decodes to a NUL byte is no file; an encoded slash is refused before any handler runs
    // (AllowEncodedSlashes Off), whatever the method.
    if (/%00|%2f/i.test(context.target.path)) return APACHE.errorResponse(404, context);
    // MergeSlashes On (the default): `//static//hello.txt` is the file (captured: 100).
    const path = normalizePath(percentDecode(context.target.path), true);
    // mod_dir's fixup redirects a directory named without its slash before any handler, whatever the method.
    const redirect = findStaticDirectory(path)?.kind === 'redirect' ? apacheDirectory(context, path) : null;
    if (redirect) return redirect;
    const answer = apacheDefaultHandler(context.request.method);
    if (answer === 'not-implemented') return APACHE.errorResponse(501, context);
    if (answer === 'not-allowed') return APACHE.errorResponse(405, context);
    if (answer === 'options') return optionsAnswer(context, apacheTypeOf(path, isStaticDirectory(path)));
    const file = findStaticFile(path);
    if (!file) return apacheDirectory(context, path) ?? APACHE.errorResponse(404, context);
    const validators: [string, string][] = [
      ['Last-Modified', REFERENCE_SITE.lastModified],
      ['ETag', apacheEtag(file.body.length)],
      ['Accept-Ranges', 'bytes'],
    ];
    // The default handler checks the request's preconditions before it reads the range (captured: 142).
    const failed = fileCondition(context, validators, file.type, connectionHeaders(context, true));
    if (failed) return failed;
    // The byterange filter answers one satisfiable range with 206, for any method the handler served (HEAD and
    // POST too) and HTTP/1.0 alike (captured: case 99).
    const range = singleByteRange(context.request, file.body.length);
    const body = range ? file.body.subarray(range.first, range.last + 1) : file.body;
    const headers: [string, string][] = [
      dateHeader(),
      ['Server', APACHE_VERSION],
      ...validators,
      ['Content-Length', String(body.length)],
      ...(range ? [['Content-Range', contentRange(range)] as [string, string]] : []),
    ];
    headers.push(...connectionHeaders(context, true), ['Content-Type', file.type]);
    return {
      version: 'HTTP/1.1',
      status: range ? 206 : 200,
      reason: range ? 'Partial Content' : 'OK',
      headers,
      body: contentFor(context, body),
    };
  },
  finishResponse: (response, context) =>
    finishApacheResponse(withoutScriptFraming(response), context, { contentTypeLast: true, scriptHeaders: true }),
  arrivalChanges(context) {
    const changes: Change[] = [];
    if (context.request.tolerated.some((t) => t.code === 'obs-fold'))
      changes.push({
        kind: 'joined',
        message: msg('change.apacheObsFold'),
      });
    if (context.request.tolerated.some((t) => t.code === 'conflicting-length'))
      changes.push({
        kind: 'dropped',
        from: 'Content-Length',
        message: msg('change.apacheLengthConflict'),
      });
    return changes;
  },
  routesToApplication(context) {
    // AllowEncodedSlashes Off answers 404 for %2F before any module sees the request.
    if (/%2f|%00/i.test(context.target.path)) return false;
    // MergeSlashes On: `//app//x` is matched as /app/x.
    const path = normalizePath(percentDecode(context.target.path), true);
    return path === '/app' || path.startsWith('/app/');
  },
  sendsContinue: (context, via) => apacheSendsContinue(context, via),
  upstreamFailures: proxyFcgiFailures((status, context) => APACHE.errorResponse(status, context)),
  cgi: {
    variables: (context, scriptFilename) =>
      apacheVariables(context, { module: 'mod_cgid', software: APACHE_VERSION, scriptFilename }),
    faults: modCgidFaults((status, context) => APACHE.errorResponse(status, context)),
  },
  fastcgi: {
    // mod_proxy_fcgi sets SCRIPT_FILENAME to the backend URL itself (proxy:fcgi://…); mod_proxy lowered
    // Max-Forwards before it (apache-max-forwards.ts).
    variables: (context) =>
      withMaxForwardsLowered(
        apacheVariables(context, { module: 'mod_proxy_fcgi', software: APACHE_VERSION, scriptFilename: '' }),
        context,
      ),
    refuse: (context) =>
      maxForwardsAnswer(context, {
        options: () => coreEmptyAnswer(context, ''),
        refused: (reason) => proxyError(context, reason),
      }),
    // mod_proxy_fcgi: no padding, PARAMS in whole pairs up to 16 KiB a record, STDIN in records of at most 8 KiB (verified).
    records: {
      params: { maxContentLength: 65535, padTo8: false, terminate: true, wholePairsUpTo: 16 * 1024 },
      stdin: { maxContentLength: 8192, padTo8: false, terminate: true },
      flags: 0,
      bodyBuffers: proxyFcgiBodyReads,
    },
    // mod_proxy_fcgi drops the application's Content-Length too: the uwsgi run of apache-fastcgi-flup answers chunked.
    finishResponse: (response, context) =>
      finishApacheResponse(withoutScriptFraming(response), context, {
        contentTypeLast: true,
        clientRedirects: false,
        scriptHeaders: true,
      }),
  },
};

/**
 * The 400 page for a malformed chunked body, on a closing connection without Content-Length (captured: 90): plain
 * when a handler was reading the body, or naming the error Apache had already chosen when it discarded the body
 * after refusing the request (ap_die, recursive_error; TRACE's refusal adds its error note). A HEAD gets the header
 * block alone.
 */
function discardFailed(context: RequestContext, first?: number, code?: string): HttpResponse {
  const body = apacheErrorBody(400, apacheSignature(APACHE_VERSION, context), {
    ...(first === undefined ? {} : { recursive: first }),
    ...(code === 'method-not-allowed' ? { notes: 'TRACE denied by server configuration' } : {}),
  });
  return {
    version: 'HTTP/1.1',
    status: 400,
    reason: apacheReason(400),
    headers: [
      dateHeader(),
      ['Server', APACHE_VERSION],
      ['Connection', 'close'],
      ['Content-Type', 'text/html; charset=iso-8859-1'],
    ],
    body: contentFor(context, body),
  };
}

/**
 * Whether Apache answers 100 Continue: ap_http_filter sends it when a handler first reads a body the client waits
 * to send (a chunked one, even empty, or a Content-Length above 0) on HTTP/1.1 or later (ap_send_interim_response
 * skips HTTP/1.0). No handler reads it when the core refuses an encoded slash first (AllowEncodedSlashes Off),
 * mod_proxy_fcgi reads it without one, mod_wsgi refuses a chunked body and mod_python never reads one (captured:
 * case 137).
 */
function apacheSendsContinue(context: RequestContext, via: Forwarding): boolean {
  const { request } = context;
  const chunked = request.framing === 'chunked';
  if (!isHttp11OrLater(request.version) || !apacheExpectsContinue(context)) return false;
  if (request.body.length === 0 && !chunked) return false;
  if (via === 'fastcgi' || (via === 'module' && chunked)) return false;
  return !/%2f|%00/i.test(context.target.path);
}

/**
 * The default handler's answer to OPTIONS (ap_send_http_options): the Allow list, no body, and the Content-Type
 * mod_mime (or the directory walk) gave the URL (captured: case 121).
 */
function optionsAnswer(context: RequestContext, type: string | null): HttpResponse {
  return {
    version: 'HTTP/1.1',
    status: 200,
    reason: 'OK',
    headers: [
      dateHeader(),
      ['Server', APACHE_VERSION],
      ['Allow', 'GET,HEAD,OPTIONS,POST'],
      ['Content-Length', '0'],
      ...connectionHeaders(context, true),
      ...(type === null ? [] : [['Content-Type', type] as [string, string]]),
    ],
    body: new Uint8Array(0),
  };
}

/**
 * mod_cgi and mod_cgid since 2.4.59 (modules/generators/cgi_common.h, cgi_handle_response), and mod_proxy_fcgi: a
 * script's own Content-Length and Transfer-Encoding are removed after its headers are read, and the core frames the
 * body by what is really sent (unless the `ap_trust_cgilike_cl` variable is set). The captures show
 * `Content-Length: 19` from wsgiref's CGIHandler and from uwsgi answered chunked.
 */
function withoutScriptFraming(response: CgiResponse): CgiResponse {
  const framing = new Set(['content-length', 'transfer-encoding']);
  return { ...response, headers: response.headers.filter(([name]) => !framing.has(name.toLowerCase())) };
}

/**
 * How Apache answers with a script's or module's headers (ap_http_header_filter): Date and Server first, the
 * script's fields in order, Keep-Alive/Connection, Transfer-Encoding, and Content-Type last. The reason phrase
 * of `Status:` is kept.
 */
export function finishApacheResponse(
  response: CgiResponse,
  context: RequestContext,
  options: { contentTypeLast: boolean; clientRedirects?: boolean; scriptHeaders?: boolean } = { contentTypeLast: true },
): HttpResponse {
  // mod_cgid and mod_proxy_fcgi read the script's headers with ap_scan_script_header_err*, which checks the
  // request's preconditions; the WSGI modules do not.
  const failed = options.scriptHeaders ? scriptCondition(response, context, connectionHeaders(context, true)) : null;
  if (failed) return failed;
  if (options.clientRedirects === false && response.location !== null && !response.hasStatusField) {
    // mod_proxy_fcgi passes a Location through with the 200 it started with, and an empty body: the
    // content-length filter counts it as Content-Length: 0, which ap_http_header_filter takes out again for a
    // HEAD ("we don't want to send out 0 Content-Lengths if it is a head request"); then the connection headers as
    // for any answer (captured: cases 126–127).
    return {
      version: 'HTTP/1.1',
      status: 200,
      reason: 'OK',
      headers: [
        dateHeader(),
        ['Server', APACHE_VERSION],
        ...response.headers.filter(([n]) => n.toLowerCase() !== 'content-type'),
        ...(context.isHead ? [] : [['Content-Length', '0'] as [string, string]]),
        ...connectionHeaders(context, true),
      ],
      body: new Uint8Array(0),
    };
  }
  const headers: [string, string][] = [dateHeader(), ['Server', APACHE_VERSION]];
  let contentType: string | null = null;
  let hasLength = false;
  for (const [name, value] of response.headers) {
    const lower = name.toLowerCase();
    if (lower === 'content-type' && options.contentTypeLast) contentType = value;
    else if (lower === 'connection' || lower === 'transfer-encoding' || lower === 'keep-alive') continue;
    else {
      if (lower === 'content-length') hasLength = true;
      headers.push([name, value]);
    }
  }
  // Apache closes (no chunking) after a Content-Length/Transfer-Encoding conflict, and while the client still
  // waits for 100 Continue (ap_set_keepalive tests it before it would chunk).
  const conflicted =
    context.request.tolerated.some((t) => t.code === 'conflicting-length') || apacheAwaitsContinue(context);
  const chunked = !hasLength && !conflicted && isHttp11OrLater(context.request.version) && !context.isHead;
  // ap_set_keepalive: a status of ap_status_drops_connection closes, whoever chose it (a CGI script's 500 too).
  const drops = DROPS_CONNECTION.has(response.status);
  headers.push(...connectionHeaders(context, (hasLength || chunked || context.isHead) && !conflicted && !drops));
  if (chunked) headers.push(['Transfer-Encoding', 'chunked']);
  if (contentType !== null) headers.push(['Content-Type', contentType]);
  if (response.location !== null && !response.hasStatusField) {
    if (response.kind === 'local-redirect') {
      // RFC 3875 §6.2.2: the server itself fetches the local path (an internal redirect), here a static file.
      // mod_cgid makes the redirected request a GET "no matter what the original method was" (cgi_handle_response).
      return APACHE.serveStatic({
        ...context,
        request: { ...context.request, method: 'GET' },
        target: { ...context.target, path: response.location, query: null },
      });
    }
    const body = apacheErrorBody(302, apacheSignature(APACHE_VERSION, context), { location: response.location });
    return {
      version: 'HTTP/1.1',
      status: 302,
      reason: 'Found',
      headers: [
        dateHeader(),
        ['Server', APACHE_VERSION],
        ['Location', response.location],
        // A HEAD gets no page, so no length either (ap_http_header_filter drops a Content-Length of 0).
        ...(context.isHead ? [] : [['Content-Length', String(body.length)] as [string, string]]),
        ...connectionHeaders(context, true),
        ['Content-Type', 'text/html; charset=iso-8859-1'],
      ],
      body: contentFor(context, body),
    };
  }
  const reason = response.hasStatusField && response.reason ? response.reason : reasonPhrase(response.status);
  const body = contentFor(context, chunked ? encodeChunked([response.body]) : response.body);
  return { version: 'HTTP/1.1', status: response.status, reason, headers, body };
}

/**
 * ap_proxyerror (modules/proxy/proxy_util.c): the 400 page with the status line's reason set to "Proxy Error" and
 * the reason in the request's error-notes (captured: Max-Forwards on apache-fastcgi-flup).
 */
function proxyError(context: RequestContext, reason: string): HttpResponse {
  const page = APACHE.errorResponse(400, context);
  const body = apacheErrorBody(400, apacheSignature(APACHE_VERSION, context), {
    statusReason: 'Proxy Error',
    notes: `The proxy server could not handle the request<p>Reason: <strong>${reason}</strong></p>`,
  });
  return {
    ...page,
    reason: 'Proxy Error',
    headers: page.headers.map(([name, value]) => [name, name === 'Content-Length' ? String(body.length) : value]),
    body: contentFor(context, body),
  };
}

/**
 * The empty 200 the core writes itself: to OPTIONS * (no Allow), and to an OPTIONS that Max-Forwards 0 stops
 * (`allow`: the location's methods, empty here; captured: cases 29, 157).
 */
function coreEmptyAnswer(context: RequestContext, allow?: string): HttpResponse {
  return {
    version: 'HTTP/1.1',
    status: 200,
    reason: 'OK',
    headers: [
      dateHeader(),
      ['Server', APACHE_VERSION],
      ...(allow === undefined ? [] : [['Allow', allow] as [string, string]]),
      ['Content-Length', '0'],
      ...connectionHeaders(context, true),
    ],
    body: new Uint8Array(0),
  };
}

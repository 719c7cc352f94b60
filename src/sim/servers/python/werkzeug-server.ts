import type { WebServerProfile } from '../profile.ts';
import type { RequestContext } from '../request-context.ts';
import type { Change } from '../../trace.ts';
import { Environ } from '../../wsgi/environ.ts';
import { pyBool, pyInt, pyObject, pyStr, pyTuple } from '../../wsgi/python-value.ts';
import {
  climbsAboveRoot,
  hasEmptyUriPath,
  normalizePath,
  percentDecode,
  splitTarget,
  type RequestTarget,
} from '../../http/target.ts';
import { httpServerPath, leadingSlashChanges } from './http-server-path.ts';
import { findStaticFile } from '../static-files.ts';
import { werkzeugEtag } from '../etag.ts';
import { noneMatchStar } from '../../http/if-none-match.ts';
import { PYTHON_HEAD_REJECTION, pythonSendError, pythonStatusVersion } from './python-error-page.ts';
import { PYTHON_HTTP_OPTIONS } from './python-http-options.ts';
import { PYTHON_HTTP_LIMITS } from './python-limits.ts';
import { VOLATILE } from '../../volatile.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { fromLatin1, utf8, utf8AsLatin1 } from '../../bytes.ts';
import { contentFor } from '../response-parts.ts';
import { asksContinue } from '../../http/expects-continue.ts';
import type { HttpResponse } from '../../http/types.ts';
import { productVersion, verifiedAgainst } from '../../upstream-versions.ts';
import { msg } from '../../message.ts';
import { dateHeader } from '../response-parts.ts';
import { accessLine, exceptionTraceback, stderrLines } from './python-stderr.ts';
import { runWerkzeugWsgi, WERKZEUG_RULES } from './werkzeug-run-wsgi.ts';

const SERVER = 'Werkzeug/2.2.2 Python/3.11.2';

/** The frames above the application in a traceback under run_simple with static_files (observed, wsgi_exception.py). */
const FRAMES = [
  '  File "/usr/lib/python3/dist-packages/werkzeug/serving.py", line 335, in run_wsgi',
  '    execute(self.server.app)',
  '  File "/usr/lib/python3/dist-packages/werkzeug/serving.py", line 322, in execute',
  '    application_iter = app(environ, start_response)',
  '                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
  '  File "/usr/lib/python3/dist-packages/werkzeug/middleware/shared_data.py", line 247, in __call__',
  '    return self.app(environ, start_response)',
  '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
];

/**
 * The file SharedDataMiddleware finds for the path: what follows `/static/` goes through safe_join, which
 * normalises it with posixpath.normpath (`hello.txt/.`, `hello.txt/x/..`, `hello.txt//` are the file) and refuses
 * one that climbs out of the directory (captured: variants of 02 with dot segments after the file's name).
 */
function sharedDataFile(context: RequestContext): ReturnType<typeof findStaticFile> {
  const path = percentDecode(handlerTarget(context).path);
  if (!path.startsWith('/static/')) return null;
  const rest = `/${path.slice('/static/'.length)}`;
  if (climbsAboveRoot(rest)) return null;
  const normalized = normalizePath(rest, true).replace(/(.)\/$/, '$1');
  return findStaticFile(`/static${normalized}`);
}

/** Werkzeug 2.2.2's run_simple (single-threaded, so it speaks HTTP/1.0), with static_files for /static. */
export const WERKZEUG: WebServerProfile = {
  id: 'werkzeug',
  label: productVersion('werkzeug'),
  provenance: verifiedAgainst(productVersion('werkzeug')),
  httpOptions: { ...PYTHON_HTTP_OPTIONS, transferCoding: 'decode' },
  limits: PYTHON_HTTP_LIMITS,
  vet: () => null,
  errorResponse: pythonSendError(SERVER),
  headRejection: PYTHON_HEAD_REJECTION,
  serveStatic(context) {
    // SharedDataMiddleware (modelled from werkzeug/middleware/shared_data.py).
    const file = sharedDataFile(context);
    if (!file) return WERKZEUG.errorResponse(404, context);
    // is_resource_modified: `If-None-Match: *` holds the file's ETag, so it is 304 whatever the method, with the
    // middleware's Date, Etag and Cache-Control only (captured: case 142).
    const validators: [string, string][] = [
      ['Server', SERVER],
      dateHeader(),
      dateHeader(),
      ['Etag', werkzeugEtag(file.body.length)],
      ['Cache-Control', 'max-age=43200, public'],
    ];
    const modified = !noneMatchStar(context);
    return {
      version: pythonStatusVersion(context),
      status: modified ? 200 : 304,
      reason: modified ? 'OK' : 'Not Modified',
      headers: modified
        ? [
            ...validators,
            ['Expires', VOLATILE.headers.Expires],
            ['Content-Type', `${file.type}; charset=utf-8`],
            ['Content-Length', String(file.body.length)],
            ['Last-Modified', REFERENCE_SITE.lastModified],
            ['Connection', 'close'],
          ]
        : [...validators, ['Connection', 'close']],
      body: modified ? file.body : new Uint8Array(0),
    };
  },
  finishResponse(response, context) {
    // WSGIRequestHandler.run_wsgi: Server and Date first, the app's headers, then Connection: close for HTTP/1.0.
    const headers: [string, string][] = [
      ['Server', SERVER],
      dateHeader(),
      ...response.headers,
      ['Connection', 'close'],
    ];
    const version = pythonStatusVersion(context);
    return { version, status: response.status, reason: response.reason, headers, body: response.body };
  },
  arrivalChanges: (context) => leadingSlashChanges(context.request.target),
  // SharedDataMiddleware answers /static/ for a file it has; everything else reaches the application.
  routesToApplication: (context) => {
    return sharedDataFile(context) === null;
  },
  // WSGIRequestHandler sends 100 Continue before it calls the application, which SharedDataMiddleware is part of.
  sendsContinue: (context) => asksContinue(context, 'any-case'),
  wsgi: {
    rules: WERKZEUG_RULES,
    environ: (context) => werkzeugEnviron(context),
    answerFirst(context) {
      // DechunkedInput reads each size line with int(line.strip(), 16) and wants a line ending after each chunk:
      // anything else (a chunk extension, `zz`, a missing terminator) raises OSError inside the application's
      // read, and Werkzeug answers with its InternalServerError page (PYTHON_HTTP_OPTIONS defers the error).
      return context.request.bodyError ? werkzeugInternalError(context) : null;
    },
    // run_wsgi: the InternalServerError page is sent and logged first, then log_error("Error on request:…").
    raised: (context) => ({
      response: werkzeugInternalError(),
      log: stderrLines('werkzeug', [accessLine(context, 500, '-'), 'Error on request:', ...exceptionTraceback(FRAMES)]),
    }),
    // log_request: Werkzeug leaves the size out (`-`).
    answered: (context, response) => stderrLines('werkzeug', [accessLine(context, response.status, '-')]),
    respond(result, context) {
      const page = werkzeugInternalError();
      const out = runWerkzeugWsgi(
        result,
        { status: `${page.status} ${page.reason}`, headers: page.headers.slice(2, 4), body: page.body },
        (code) => accessLine(context, code, '-'),
      );
      const failed =
        out.failure === null
          ? null
          : result.raised?.where === 'close' && out.head
            ? msg('wsgi.closeRaised', { exception: out.failure })
            : out.cut
              ? msg('wsgi.gatewayCut', { exception: out.failure, bytes: out.body.length })
              : msg('wsgi.gatewayErrorPage', { exception: out.failure });
      // Nothing sent (a status whose code is no number): the connection closes without a byte.
      const response: HttpResponse = out.head
        ? {
            version: 'HTTP/1.0',
            status: out.head.code,
            reason: out.head.message,
            headers: [['Server', SERVER], dateHeader(), ...out.head.headers, ['Connection', 'close']],
            body: out.body,
          }
        : { version: '', status: 0, reason: '', headers: [], body: new Uint8Array(0) };
      return { response, log: stderrLines('werkzeug', out.stderr), failed };
    },
  },
};

/** The page werkzeug.exceptions.InternalServerError renders when the application raises. */
export function werkzeugInternalError(context: { isHead: boolean } | null = null): HttpResponse {
  const body = utf8(
    '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n' +
      '<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n',
  );
  return {
    version: 'HTTP/1.0',
    status: 500,
    reason: 'INTERNAL SERVER ERROR',
    headers: [
      ['Server', SERVER],
      dateHeader(),
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Content-Length', String(body.length)],
      ['Connection', 'close'],
    ],
    // A HEAD gets the header block alone (BaseHTTPRequestHandler writes no body for it).
    body: contentFor(context, body),
  };
}

/** The target's parts as WSGIRequestHandler sees them: from `self.path`, its leading slashes reduced. */
function handlerTarget(context: RequestContext): RequestTarget {
  const path = httpServerPath(context.request.target);
  const target = splitTarget(path);
  // url_parse leaves an absolute URI without a path its empty path (`http://example.test` gives PATH_INFO ``).
  if (target.form === 'absolute' && hasEmptyUriPath(path)) return { ...target, path: '' };
  return target.form === 'authority' ? { ...target, ...urlParseRest(path) } : target;
}

/**
 * werkzeug.urls.url_parse (2.2.2) on a target that neither starts with `/` nor is absolute: what comes before the
 * first colon is a scheme when it matches `^[a-zA-Z0-9+-.]+$` and the rest is not all digits (a port), then the
 * fragment and the query are cut off (captured by hand: `*#a/../b` gives PATH_INFO `*`, `example.test:8080`
 * stays whole, `example.test:8080#x` gives `8080`, `1.2.3.4:80?q` gives `80` and `q`).
 */
function urlParseRest(target: string): { path: string; query: string | null } {
  let rest = target;
  const colon = rest.indexOf(':');
  if (colon > 0 && /^[a-zA-Z0-9+,.-]+$/.test(rest.slice(0, colon))) {
    const after = rest.slice(colon + 1);
    if (after === '' || /[^0-9]/.test(after)) rest = after;
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  return { path: q < 0 ? rest : rest.slice(0, q), query: q < 0 ? null : rest.slice(q + 1) };
}

/** werkzeug.serving.WSGIRequestHandler.make_environ (2.2.2), in its key order. */
export function werkzeugEnviron(context: RequestContext): { environ: Environ; changes: Change[] } {
  const { request } = context;
  const target = handlerTarget(context);
  const path = httpServerPath(request.target);
  const chunked = request.framing === 'chunked';
  const environ = new Environ();
  const changes: Change[] = [];
  environ.set('wsgi.version', pyTuple(1, 0)).set('wsgi.url_scheme', pyStr('http'));
  environ.set('wsgi.input', pyObject(`<_io.BufferedReader name=${REFERENCE_SITE.socketFd}>`));
  environ.set('wsgi.errors', pyObject("<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"));
  environ
    .set('wsgi.multithread', pyBool(false))
    .set('wsgi.multiprocess', pyBool(false))
    .set('wsgi.run_once', pyBool(false));
  environ.set(
    'werkzeug.socket',
    pyObject(
      `<socket.socket fd=${REFERENCE_SITE.socketFd}, family=2, type=1, proto=0, laddr=('${REFERENCE_SITE.serverAddr}', ${REFERENCE_SITE.serverPort}), raddr=('${REFERENCE_SITE.remoteAddr}', ${VOLATILE.clientPort})>`,
    ),
  );
  environ
    .set('SERVER_SOFTWARE', pyStr('Werkzeug/2.2.2'))
    .set('REQUEST_METHOD', pyStr(request.method))
    .set('SCRIPT_NAME', pyStr(''));
  // http.server reads the request line as latin-1; _wsgi_encoding_dance re-encodes that str as UTF-8, so raw
  // non-ASCII bytes in the target come out double-encoded. url_unquote decodes the escaped bytes as UTF-8 with
  // errors='replace' first: invalid UTF-8 (`%FF`, `%C0%AF`) becomes U+FFFD, `ï¿½` once re-encoded (captured: 104).
  environ
    .set(
      'PATH_INFO',
      pyStr(utf8AsLatin1(new TextDecoder().decode(fromLatin1(percentDecode(utf8AsLatin1(target.path)))))),
    )
    .set('QUERY_STRING', pyStr(utf8AsLatin1(target.query ?? '')));
  environ.set('REQUEST_URI', pyStr(utf8AsLatin1(path))).set('RAW_URI', pyStr(utf8AsLatin1(path)));
  environ.set('REMOTE_ADDR', pyStr(REFERENCE_SITE.remoteAddr)).set('REMOTE_PORT', pyInt(Number(VOLATILE.clientPort)));
  environ
    .set('SERVER_NAME', pyStr(REFERENCE_SITE.serverAddr))
    .set('SERVER_PORT', pyStr(REFERENCE_SITE.serverPort))
    .set('SERVER_PROTOCOL', pyStr(request.version));
  changes.push({
    kind: 'decoded',
    to: 'PATH_INFO',
    message: msg('change.werkzeugUnquotes'),
  });
  for (const header of request.headers) {
    let key = header.name.toUpperCase().replace(/-/g, '_');
    // "value.replace('\r\n', '')": a folded line loses its CRLF.
    const value = header.value.replace(/\r\n/g, '');
    if (key !== 'CONTENT_TYPE' && key !== 'CONTENT_LENGTH') {
      key = `HTTP_${key}`;
      const existing = environ.get(key);
      if (existing?.kind === 'str') {
        environ.set(key, pyStr(`${existing.value},${value}`));
        changes.push({
          kind: 'joined',
          from: header.name,
          to: key,
          message: msg('change.repeatedHeaderComma', { header: header.name }),
        });
        continue;
      }
    }
    environ.set(key, pyStr(value));
    changes.push({
      kind: 'renamed',
      from: header.name,
      to: key,
      message: msg('change.renamedHeader', { from: header.name, to: key }),
    });
  }
  if (chunked) {
    environ.set('wsgi.input_terminated', pyBool(true));
    environ.set('wsgi.input', pyObject('<werkzeug.serving.DechunkedInput object>'));
    changes.push({
      kind: 'rewritten',
      to: 'wsgi.input',
      message: msg('change.werkzeugDechunked'),
    });
  }
  if (target.form === 'absolute' && target.authority) {
    environ.set('HTTP_HOST', pyStr(target.authority));
    changes.push({
      kind: 'rewritten',
      to: 'HTTP_HOST',
      message: msg('change.werkzeugAbsoluteHost'),
    });
  }
  return { environ, changes };
}

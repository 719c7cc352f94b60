import type { WebServerProfile } from '../profile.ts';
import type { RequestContext } from '../request-context.ts';
import type { Change } from '../../trace.ts';
import { Environ } from '../../wsgi/environ.ts';
import { pyBool, pyObject, pyStr, pyTuple } from '../../wsgi/python-value.ts';
import { percentDecode } from '../../http/target.ts';
import { findHeader } from '../../http/header-lookup.ts';
import { pythonSendError, pythonStatusVersion } from './python-error-page.ts';
import { httpServerPath, leadingSlashChanges } from './http-server-path.ts';
import { PYTHON_HTTP_OPTIONS } from './python-http-options.ts';
import { PYTHON_HTTP_LIMITS } from './python-limits.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { productVersion, verifiedAgainstPart } from '../../upstream-versions.ts';
import { msg } from '../../message.ts';
import { dateHeader } from '../response-parts.ts';
import { utf8 } from '../../bytes.ts';
import { accessLine, exceptionTraceback, stderrLines } from './python-stderr.ts';
import { BASE_HANDLER_RULES, baseHandlerFailure, runBaseHandler, splitStatus, statusCode } from './base-handler.ts';

const SERVER = 'WSGIServer/0.2 CPython/3.11.2';
/** http.server's own answers (send_error) name the server with version_string(). */
const ERROR_SERVER = 'WSGIServer/0.2 Python/3.11.2';

/** The frames above the application in a traceback under wsgiref (observed with the fault run's wsgi_exception.py). */
const FRAMES = [
  '  File "/usr/lib/python3.11/wsgiref/handlers.py", line 137, in run',
  '    self.result = application(self.environ, self.start_response)',
  '                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
];

/** BaseHandler.error_body: what wsgiref answers when the application raises (handlers.py, error_output). */
const ERROR_BODY = 'A server error occurred.  Please contact the administrator.';

/** wsgiref.simple_server of Python 3.11.2: an HTTP/1.0 server with no static files; everything reaches the app. */
export const WSGIREF: WebServerProfile = {
  id: 'wsgiref',
  label: `wsgiref (${productVersion('python')})`,
  provenance: verifiedAgainstPart('wsgiref', productVersion('python')),
  httpOptions: PYTHON_HTTP_OPTIONS,
  limits: PYTHON_HTTP_LIMITS,
  vet: () => null,
  // BaseHTTPRequestHandler.version_string(): its own sys_version says "Python/", not wsgiref's "CPython/".
  errorResponse: pythonSendError(ERROR_SERVER),
  serveStatic: (context) => WSGIREF.errorResponse(404, context),
  finishResponse(response, context) {
    // wsgiref.handlers: status line, Date and Server first, then the app's headers, Content-Length when the iterable had one item.
    const headers: [string, string][] = [dateHeader(), ['Server', SERVER], ...response.headers];
    // BaseHandler.set_content_length: only when len(result) == 1; an iterable without len() gets none.
    if (!response.headers.some(([n]) => n.toLowerCase() === 'content-length') && response.iterableLength === 1)
      headers.push(['Content-Length', String(response.body.length)]);
    const version = pythonStatusVersion(context);
    return { version, status: response.status, reason: response.reason, headers, body: response.body };
  },
  arrivalChanges: (context) => leadingSlashChanges(context.request.target),
  routesToApplication: () => true,
  // WSGIRequestHandler never answers 100 Continue: the client waits out its own timeout, then sends the body.
  sendsContinue: () => false,
  wsgi: {
    rules: BASE_HANDLER_RULES,
    environ: (context) => wsgirefEnviron(context),
    // BaseHandler.handle_error: log_exception prints the traceback to stderr, then error_output sends a 500.
    raised: (context) => ({
      response: {
        version: 'HTTP/1.0',
        status: 500,
        reason: 'Internal Server Error',
        headers: [
          dateHeader(),
          ['Server', SERVER],
          ['Content-Type', 'text/plain'],
          ['Content-Length', String(ERROR_BODY.length)],
        ],
        body: utf8(ERROR_BODY),
      },
      log: stderrLines('wsgiref', [...exceptionTraceback(FRAMES), accessLine(context, 500, String(ERROR_BODY.length))]),
    }),
    // WSGIRequestHandler.log_request: the size is the body's length.
    answered: (context, response) =>
      stderrLines('wsgiref', [accessLine(context, response.status, String(response.body.length))]),
    // ServerHandler is BaseHandler with origin_server True; it logs the request line in close().
    respond(result, context) {
      const out = runBaseHandler(result, {
        originServer: true,
        accessLine: (status, bytes) => accessLine(context, statusCode(status), String(bytes)),
      });
      const [code, reason] = splitStatus(out.status);
      return {
        response: {
          version: 'HTTP/1.0',
          status: code,
          reason,
          headers: [dateHeader(), ['Server', SERVER], ...out.headers],
          body: out.body,
        },
        log: stderrLines('wsgiref', out.stderr),
        failed: baseHandlerFailure(out),
      };
    },
  },
};

/**
 * The environ wsgiref builds: a copy of os.environ (shown as PATH only), WSGIServer.setup_environ's base, then
 * WSGIRequestHandler.get_environ (PATH_INFO unquoted as latin-1, CONTENT_TYPE defaulting to text/plain,
 * HTTP_* with repeats joined by ","), then BaseHandler's wsgi.* keys.
 */
export function wsgirefEnviron(context: RequestContext): { environ: Environ; changes: Change[] } {
  const { request } = context;
  const environ = new Environ();
  const changes: Change[] = [
    {
      kind: 'added',
      to: 'PATH',
      message: msg('change.wsgirefOsEnviron'),
    },
  ];
  environ
    .set('PATH', pyStr(REFERENCE_SITE.path))
    .set('LANG', pyStr(REFERENCE_SITE.lang))
    .set('LC_CTYPE', pyStr('C.UTF-8'));
  environ
    .set('SERVER_NAME', pyStr(REFERENCE_SITE.hostname))
    .set('GATEWAY_INTERFACE', pyStr('CGI/1.1'))
    .set('SERVER_PORT', pyStr(REFERENCE_SITE.serverPort));
  environ.set('REMOTE_HOST', pyStr('')).set('CONTENT_LENGTH', pyStr('')).set('SCRIPT_NAME', pyStr(''));
  const sent = httpServerPath(request.target);
  const q = sent.indexOf('?');
  const rawPath = q < 0 ? sent : sent.slice(0, q);
  environ
    .set('SERVER_PROTOCOL', pyStr(request.version))
    .set('SERVER_SOFTWARE', pyStr('WSGIServer/0.2'))
    .set('REQUEST_METHOD', pyStr(request.method));
  environ
    .set('PATH_INFO', pyStr(percentDecode(rawPath)))
    .set('QUERY_STRING', pyStr(q < 0 ? '' : sent.slice(q + 1)))
    .set('REMOTE_ADDR', pyStr(REFERENCE_SITE.remoteAddr));
  changes.push({
    kind: 'decoded',
    to: 'PATH_INFO',
    message: msg('change.wsgirefUnquotes'),
  });
  if (context.target.form === 'absolute')
    changes.push({
      kind: 'rewritten',
      to: 'PATH_INFO',
      message: msg('change.wsgirefAbsoluteForm'),
    });
  const contentType = findHeader(request.headers, 'content-type');
  environ.set('CONTENT_TYPE', pyStr(contentType ? contentType.value : 'text/plain'));
  if (!contentType)
    changes.push({
      kind: 'added',
      to: 'CONTENT_TYPE',
      message: msg('change.wsgirefDefaultContentType'),
    });
  const length = findHeader(request.headers, 'content-length');
  if (length && length.value) environ.set('CONTENT_LENGTH', pyStr(length.value));
  for (const header of request.headers) {
    const key = header.name.replace(/-/g, '_').toUpperCase();
    const value = header.value.trim();
    if (environ.has(key)) continue;
    const name = `HTTP_${key}`;
    const existing = environ.get(name);
    if (existing?.kind === 'str') {
      environ.set(name, pyStr(`${existing.value},${value}`));
      changes.push({
        kind: 'joined',
        from: header.name,
        to: name,
        message: msg('change.repeatedHeaderComma', { header: header.name }),
      });
    } else {
      environ.set(name, pyStr(value));
      changes.push({
        kind: 'renamed',
        from: header.name,
        to: name,
        message: msg('change.renamedHeader', { from: header.name, to: name }),
      });
    }
  }
  environ.set('wsgi.input', pyObject(`<_io.BufferedReader name=${REFERENCE_SITE.socketFd}>`));
  environ.set('wsgi.errors', pyObject("<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"));
  environ.set('wsgi.version', pyTuple(1, 0)).set('wsgi.run_once', pyBool(false)).set('wsgi.url_scheme', pyStr('http'));
  environ.set('wsgi.multithread', pyBool(false)).set('wsgi.multiprocess', pyBool(false));
  environ.set('wsgi.file_wrapper', pyObject("<class 'wsgiref.util.FileWrapper'>"));
  return { environ, changes };
}

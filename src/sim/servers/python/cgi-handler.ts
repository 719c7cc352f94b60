import type { Change, Pair } from '../../trace.ts';
import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import { Environ } from '../../wsgi/environ.ts';
import { pyBool, pyObject, pyStr, pyTuple } from '../../wsgi/python-value.ts';
import { buildCgiStdout } from '../../cgi/build-cgi-stdout.ts';
import { runBaseHandler, type BaseHandlerOutput } from './base-handler.ts';
import { concatBytes } from '../../bytes.ts';
import { msg } from '../../message.ts';
import { fsDecode } from './fs-decode.ts';

/** wsgiref.handlers `_is_request`: the CGI variables that carry request data. */
const REQUEST_VARIABLES = new Set([
  'SCRIPT_NAME',
  'PATH_INFO',
  'QUERY_STRING',
  'REQUEST_METHOD',
  'AUTH_TYPE',
  'CONTENT_TYPE',
  'CONTENT_LENGTH',
  'HTTPS',
  'REMOTE_USER',
  'REMOTE_IDENT',
]);

/** wsgiref.handlers `_needs_transcode`: request variables, HTTP_*, SSL_*, and REDIRECT_ in front of any of them. */
function needsTranscode(name: string): boolean {
  if (name.startsWith('REDIRECT_')) return needsTranscode(name.slice('REDIRECT_'.length));
  return REQUEST_VARIABLES.has(name) || name.startsWith('HTTP_') || name.startsWith('SSL_');
}

/** Whether a latin-1 text holds a byte above 0x7F. */
const hasHighBytes = (text: string): boolean => /[\u0080-\u00ff]/.test(text);

/**
 * `os.environ` as Python builds it from the process environment, then CGIHandler's `read_environ()`: the first of
 * repeated names wins (posixmodule.c adds each entry with PyDict_SetDefault), names and values are decoded as
 * UTF-8 with surrogateescape (`fsDecode`), and the request variables are encoded back and decoded as latin-1,
 * which gives the server's bytes as PEP 3333 wants them. The other variables (REQUEST_URI, PATH_TRANSLATED,
 * SCRIPT_FILENAME, …) stay UTF-8 text.
 */
function readEnviron(env: readonly Pair[]): { pairs: Pair[]; changes: Change[] } {
  const seen = new Set<string>();
  const pairs: Pair[] = [];
  const changes: Change[] = [];
  for (const [rawName, rawValue] of env) {
    const name = fsDecode(rawName);
    if (seen.has(name)) {
      changes.push({ kind: 'dropped', to: name, message: msg('change.pythonEnvironFirst', { name }) });
      continue;
    }
    seen.add(name);
    if (needsTranscode(name)) {
      pairs.push([name, rawValue]);
      continue;
    }
    pairs.push([name, fsDecode(rawValue)]);
    if (hasHighBytes(rawValue))
      changes.push({ kind: 'decoded', to: name, message: msg('change.cgiHandlerUtf8', { name }) });
  }
  return { pairs, changes };
}

/**
 * The CGI script as `wsgiref.handlers.CGIHandler().run(app)` under /usr/bin/python3: os.environ through
 * `read_environ()` (the server's CGI variables, plus LC_CTYPE that Python's C-locale coercion appends) and the
 * wsgi.* keys of BaseHandler.setup_environ for a run-once, single-threaded process. No HTTPS variable reaches it
 * here, so guess_scheme() gives `http`.
 */
export function cgiHandlerEnviron(env: readonly Pair[]): { environ: Environ; changes: Change[] } {
  const environ = new Environ();
  const { pairs, changes } = readEnviron(env);
  for (const [name, value] of pairs) environ.set(name, pyStr(value));
  environ.set('LC_CTYPE', pyStr('C.UTF-8'));
  environ.set('wsgi.input', pyObject("<_io.BufferedReader name='<stdin>'>"));
  environ.set('wsgi.errors', pyObject("<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"));
  environ
    .set('wsgi.version', pyTuple(1, 0))
    .set('wsgi.run_once', pyBool(true))
    .set('wsgi.url_scheme', pyStr(scheme(pairs)));
  environ.set('wsgi.multithread', pyBool(false)).set('wsgi.multiprocess', pyBool(true));
  environ.set('wsgi.file_wrapper', pyObject("<class 'wsgiref.util.FileWrapper'>"));
  return {
    environ,
    changes: [
      ...changes,
      {
        kind: 'added',
        to: 'LC_CTYPE',
        message: msg('change.pythonLocaleCoercion'),
      },
      {
        kind: 'added',
        to: 'wsgi.run_once',
        message: msg('change.cgiHandlerRunOnce'),
      },
    ],
  };
}

/** wsgiref.util.guess_scheme: `https` when HTTPS is yes, on or 1. */
function scheme(pairs: readonly Pair[]): string {
  const https = pairs.find(([name]) => name === 'HTTPS')?.[1];
  return https === 'yes' || https === 'on' || https === '1' ? 'https' : 'http';
}

/**
 * CGIHandler's run (BaseHandler with origin_server False, `runBaseHandler`): its stdout — `Status: <status>`, the
 * application's headers (Content-Length added when the iterable has one item and the application gave none), a
 * blank line, the body, and after it whatever the handler wrote once close() raised — and its stderr lines.
 */
export function cgiHandlerOutput(result: WsgiRunResult): { stdout: Uint8Array; output: BaseHandlerOutput } {
  const output = runBaseHandler(result, { originServer: false, accessLine: null });
  return { stdout: concatBytes([buildCgiStdout(output.status, output.headers, output.body), output.after]), output };
}

import type { Change, Pair } from '../../trace.ts';
import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import { Environ } from '../../wsgi/environ.ts';
import { pyBool, pyObject, pyStr, pyTuple } from '../../wsgi/python-value.ts';
import { buildCgiStdout } from '../../cgi/build-cgi-stdout.ts';
import { msg } from '../../message.ts';

/**
 * The CGI script as `wsgiref.handlers.CGIHandler().run(app)` under /usr/bin/python3: os.environ (the server's CGI
 * variables, plus LC_CTYPE that Python's C-locale coercion adds) and the wsgi.* keys for a run-once process.
 */
export function cgiHandlerEnviron(env: readonly Pair[]): { environ: Environ; changes: Change[] } {
  const environ = new Environ();
  for (const [name, value] of env) environ.set(name, pyStr(value));
  environ.set('LC_CTYPE', pyStr('C.UTF-8'));
  environ.set('wsgi.input', pyObject("<_io.BufferedReader name='<stdin>'>"));
  environ.set('wsgi.errors', pyObject("<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"));
  environ.set('wsgi.version', pyTuple(1, 0)).set('wsgi.run_once', pyBool(true)).set('wsgi.url_scheme', pyStr('http'));
  environ.set('wsgi.multithread', pyBool(false)).set('wsgi.multiprocess', pyBool(true));
  environ.set('wsgi.file_wrapper', pyObject("<class 'wsgiref.util.FileWrapper'>"));
  return {
    environ,
    changes: [
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

/** CGIHandler's stdout: a Status line, the headers (Content-Length added for a one-item iterable), a blank line, the body. */
export function cgiHandlerStdout(result: WsgiRunResult): Uint8Array {
  const headers = [...result.headers];
  if (!headers.some(([n]) => n.toLowerCase() === 'content-length') && result.chunks.length === 1)
    headers.push(['Content-Length', String(result.body.length)]);
  return buildCgiStdout(result.status, headers, result.body);
}

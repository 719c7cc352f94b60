import type { RequestContext } from '../request-context.ts';
import type { Change } from '../../trace.ts';
import { Environ } from '../../wsgi/environ.ts';
import { pyBool, pyObject, pyStr, pyTuple } from '../../wsgi/python-value.ts';
import { apacheVariables } from './apache-variables.ts';
import { APACHE_VERSION } from './apache-names.ts';
import { decodePath } from '../../apps/respond-text.ts';
import { msg } from '../../message.ts';

/**
 * mod_python 3.5's mod_python.wsgi handler: req.build_wsgi_env() gives Apache's CGI variables (CGI block first,
 * REQUEST_URI taken from the decoded req.uri, SCRIPT_FILENAME "None"), decoded as UTF-8 rather than latin-1,
 * then a short list of wsgi.* keys (no wsgi.run_once).
 */
export function modPythonEnviron(context: RequestContext): { environ: Environ; changes: Change[] } {
  const variables = apacheVariables(context, {
    module: 'mod_python',
    software: APACHE_VERSION,
    scriptFilename: 'None',
  });
  const environ = new Environ();
  for (const [name, value] of variables.pairs) environ.set(name, pyStr(decodePath(value)));
  environ.set('wsgi.input', pyObject('<mp_request object>'));
  environ.set('wsgi.errors', pyObject("<_io.TextIOWrapper name='<stderr>' mode='w' encoding='ascii'>"));
  environ
    .set('wsgi.version', pyTuple(1, 0))
    .set('wsgi.multithread', pyBool(true))
    .set('wsgi.multiprocess', pyBool(true))
    .set('wsgi.url_scheme', pyStr('http'));
  const changes: Change[] = [
    ...variables.changes,
    {
      kind: 'decoded',
      to: 'REQUEST_URI',
      message: msg('change.modPythonRequestUri'),
    },
    { kind: 'decoded', to: 'PATH_INFO', message: msg('change.modPythonUtf8') },
  ];
  return { environ, changes };
}

/**
 * mod_python's req.build_wsgi_env() makes each CGI variable a Python str with PyUnicode_FromString (strict UTF-8)
 * and stores the result unchecked: a value that is not UTF-8 (a path escaping to `%FF`, a raw `\xe9` in the query
 * or a header) is a NULL, and the Apache child dies (`exit signal Segmentation fault (11)` in the error log); the
 * client's connection closes without a byte. Captured: 109; probed with the path, the query and a header value.
 */
export function modPythonCrash(context: RequestContext): Change | null {
  const { pairs } = apacheVariables(context, {
    module: 'mod_python',
    software: APACHE_VERSION,
    scriptFilename: 'None',
  });
  const strict = new TextDecoder('utf-8', { fatal: true });
  const broken = pairs.find(([, value]) => {
    try {
      strict.decode(Uint8Array.from(value, (c) => c.charCodeAt(0) & 0xff));
      return false;
    } catch {
      return true;
    }
  });
  if (!broken) return null;
  return { kind: 'rejected', message: msg('change.modPythonCrash', { variable: broken[0] }) };
}

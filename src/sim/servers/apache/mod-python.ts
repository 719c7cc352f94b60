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

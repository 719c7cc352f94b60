import type { RequestContext } from '../request-context.ts';
import type { Change } from '../../trace.ts';
import { Environ } from '../../wsgi/environ.ts';
import { pyBool, pyObject, pyStr, pyTuple } from '../../wsgi/python-value.ts';
import { apacheVariables } from './apache-variables.ts';
import { APACHE_VERSION } from './apache-names.ts';
import { decodePath } from '../../apps/respond-text.ts';

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
      note: 'mod_python fills REQUEST_URI from the decoded req.uri, without the query string',
    },
    { kind: 'decoded', to: 'PATH_INFO', note: "mod_python decodes the bytes as UTF-8 instead of PEP 3333's latin-1" },
  ];
  return { environ, changes };
}

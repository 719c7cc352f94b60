import type { RunContext, RunOutcome } from './run-context.ts';
import { modWsgiEnviron } from '../servers/apache/mod-wsgi.ts';
import { modPythonEnviron } from '../servers/apache/mod-python.ts';
import { finishApacheResponse } from '../servers/apache/apache-profile.ts';
import { wsgiResultAsResponse } from '../servers/python/wsgi-result-response.ts';
import { buildCgiStdout } from '../cgi/build-cgi-stdout.ts';
import { callApplication } from './call-application.ts';
import { expectsContinue } from './expects-continue.ts';
import { daemonRequestHop, stdoutResponseHop } from './hops.ts';
import { latin1 } from '../bytes.ts';
import { productVersion, verifiedAgainst } from '../upstream-versions.ts';
import { msg } from '../message.ts';

const MOD_PYTHON_PROVENANCE = verifiedAgainst(productVersion('modPython'), productVersion('apache'));
const MOD_WSGI_PROVENANCE = verifiedAgainst(productVersion('modWsgi'), productVersion('apache'));

/** mod_wsgi (embedded or daemon) or mod_python calling the application inside Apache. */
export function runModuleWsgi(run: RunContext): RunOutcome {
  const { pipeline, request } = run;
  const continued = expectsContinue(request) && request.request.body.length > 0;
  if (pipeline.id === 'apache-mod-python') {
    const { environ, changes } = modPythonEnviron(request);
    const result = callApplication(run, 'mod_python', environ, request.request.body, changes, MOD_PYTHON_PROVENANCE);
    const response = wsgiResultAsResponse(result);
    // Observed: mod_python.wsgi answers 200 OK whatever status the application gave, and keeps Content-Type in place.
    return {
      response: finishApacheResponse({ ...response, status: 200, reason: 'OK' }, request, { contentTypeLast: false }),
      continued,
    };
  }
  const mode = pipeline.id === 'apache-modwsgi-daemon' ? 'daemon' : 'embedded';
  // mod_wsgi refuses chunked request bodies unless WSGIChunkedRequest On.
  if (request.request.framing === 'chunked')
    return { response: run.server.errorResponse(411, request), continued: false };
  const { environ, changes } = modWsgiEnviron(request, mode);
  if (mode === 'embedded') {
    const result = callApplication(run, 'mod_wsgi', environ, request.request.body, changes, MOD_WSGI_PROVENANCE);
    return { response: finishApacheResponse(wsgiResultAsResponse(result), request), continued };
  }
  const cgiPairs = environ
    .toPairs()
    .filter(([name]) => !name.startsWith('wsgi.') && !name.startsWith('mod_wsgi.') && name !== 'apache.version');
  run.hops.push(
    daemonRequestHop({
      from: 'mod_wsgi',
      to: 'mod_wsgi-daemon',
      env: cgiPairs,
      body: latin1(request.request.body),
      provenance: MOD_WSGI_PROVENANCE,
      changes: [
        {
          kind: 'added',
          message: msg('change.daemonHandoff'),
        },
      ],
    }),
  );
  const result = callApplication(run, 'mod_wsgi-daemon', environ, request.request.body, changes, MOD_WSGI_PROVENANCE);
  const stdout = buildCgiStdout(result.status, result.headers, result.body);
  run.hops.push(
    stdoutResponseHop({
      from: 'mod_wsgi-daemon',
      to: 'mod_wsgi',
      raw: latin1(stdout),
      protocol: 'mod_wsgi',
      provenance: MOD_WSGI_PROVENANCE,
    }),
  );
  return { response: finishApacheResponse(wsgiResultAsResponse(result), request), continued };
}

import type { RunContext, RunOutcome } from './run-context.ts';
import { WSGI_MODULES } from '../servers/apache/wsgi-modules.ts';
import { buildCgiStdout } from '../cgi/build-cgi-stdout.ts';
import { callApplication } from './call-application.ts';
import { daemonRequestHop, stdoutResponseHop } from './hops.ts';
import { requireStage, stageNodes } from './stage-nodes.ts';
import { latin1 } from '../bytes.ts';
import { msg } from '../message.ts';

/**
 * A module calling the application inside the server (mod_wsgi embedded, mod_python), or handing it to a daemon
 * process when the pipeline has one between module and application (mod_wsgi daemon mode).
 */
export function runModuleWsgi(run: RunContext): RunOutcome {
  const { pipeline, request } = run;
  const module = requireStage(pipeline, 'module').id;
  const wsgiModule = WSGI_MODULES.get(module);
  if (!wsgiModule) throw new Error(`${pipeline.id}: no WSGI module ${module}`);
  const daemon = stageNodes(pipeline).gateway?.id;
  const refused = wsgiModule.refuse?.(request);
  if (refused) {
    // A module handler that answers 501 has registered no methods: Apache's Allow header stays empty (captured).
    const page = run.server.errorResponse(refused, request);
    const headers = page.headers.map(([name, value]): [string, string] => [name, name === 'Allow' ? '' : value]);
    return { response: { ...page, headers } };
  }
  const { environ, changes } = wsgiModule.environ(request, daemon !== undefined);
  const { provenance } = wsgiModule;
  if (daemon === undefined) {
    const result = callApplication(run, module, environ, request.request.body, changes, provenance);
    return { response: wsgiModule.finish(result, request) };
  }
  const cgiPairs = environ
    .toPairs()
    .filter(([name]) => !name.startsWith('wsgi.') && !name.startsWith('mod_wsgi.') && name !== 'apache.version');
  run.hops.push(
    daemonRequestHop({
      from: module,
      to: daemon,
      env: cgiPairs,
      body: latin1(request.request.body),
      provenance,
      changes: [{ kind: 'added', message: msg('change.daemonHandoff') }],
    }),
  );
  const result = callApplication(run, daemon, environ, request.request.body, changes, provenance);
  run.hops.push(
    stdoutResponseHop({
      from: daemon,
      to: module,
      raw: latin1(buildCgiStdout(result.status, result.headers, result.body)),
      protocol: 'mod_wsgi',
      provenance,
    }),
  );
  return { response: wsgiModule.finish(result, request) };
}

import type { RunContext, RunOutcome } from './run-context.ts';
import { WSGI_MODULES } from '../servers/apache/wsgi-modules.ts';
import { MOD_WSGI_DAEMON_FAULTS } from '../servers/apache/wsgi-module-faults.ts';
import { buildCgiStdout } from '../cgi/build-cgi-stdout.ts';
import { callApplication } from './call-application.ts';
import { appFault, callFailingApplication } from './call-failing-application.ts';
import { daemonRequestHop, stdoutResponseHop } from './hops.ts';
import { requireStage, stageNodes } from './stage-nodes.ts';
import { markFailed, withLog } from '../faults/fault-hops.ts';
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
  const crash = wsgiModule.crash?.(request);
  // The connection closes without a byte: an HTTP/0.9-style answer with no body serialises to nothing.
  if (crash)
    return { response: { version: '', status: 0, reason: '', headers: [], body: new Uint8Array(0) }, changes: [crash] };
  const { environ, changes } = wsgiModule.environ(request, daemon !== undefined);
  const { provenance } = wsgiModule;
  const fault = appFault(run);
  const caller = daemon ?? module;
  if (daemon !== undefined) {
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
  }
  if (fault === 'app-exception' || fault === 'app-timeout') {
    const { response, log } =
      fault === 'app-exception'
        ? wsgiModule.faults.raised(request, daemon !== undefined)
        : MOD_WSGI_DAEMON_FAULTS.timeout(request);
    callFailingApplication(run, fault, caller, environ, request.request.body, changes, provenance, { log });
    return { response };
  }
  if (fault === 'bad-response') {
    const result = callFailingApplication(run, fault, caller, environ, request.request.body, changes, provenance, {
      log: [],
    });
    if (!result) throw new Error('the bad-header application always answers');
    const { response, log, failed } = wsgiModule.faults.badHeader(request, daemon !== undefined, result);
    const answer = run.hops[run.hops.length - 1];
    if (answer) markFailed(answer, failed, log);
    return { response };
  }
  const result = callApplication(run, caller, environ, request.request.body, changes, provenance, wsgiModule.rules);
  // The daemon process hands the answer back to the Apache child over its socket, as CGI-style output.
  const passBack = () => {
    if (daemon === undefined) return;
    run.hops.push(
      stdoutResponseHop({
        from: daemon,
        to: module,
        raw: latin1(buildCgiStdout(result.status, result.headers, result.body)),
        protocol: 'mod_wsgi',
        provenance,
      }),
    );
  };
  const answer = wsgiModule.respond?.(result, request, daemon !== undefined);
  if (answer) {
    const hop = run.hops[run.hops.length - 1];
    passBack();
    if (hop) {
      if (answer.failed) markFailed(hop, answer.failed, answer.log);
      else withLog(hop, answer.log);
    }
    return { response: answer.response };
  }
  passBack();
  return { response: wsgiModule.finish(result, request, daemon !== undefined) };
}

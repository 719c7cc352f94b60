import type { RunContext, RunOutcome } from './run-context.ts';
import type { GatewayVariables } from '../servers/profile.ts';
import { apacheVariables } from '../servers/apache/apache-variables.ts';
import { APACHE_VERSION } from '../servers/apache/apache-names.ts';
import { lighttpdVariables } from '../servers/lighttpd/lighttpd-variables.ts';
import { cgiHandlerEnviron, cgiHandlerStdout } from '../servers/python/cgi-handler.ts';
import { parseCgiResponse } from '../cgi/parse-cgi-response.ts';
import { callApplication } from './call-application.ts';
import { expectsContinue } from './expects-continue.ts';
import { cgiRequestHop, stdoutResponseHop } from './hops.ts';
import { latin1 } from '../bytes.ts';
import { dumpCgiOutput } from '../apps/dump-app.ts';
import { REFERENCE_SITE } from '../reference-site.ts';
import { productVersion, verifiedAgainst, verifiedAgainstPart } from '../upstream-versions.ts';
import type { Provenance } from '../trace.ts';

/** The CGI script the reference configs map /app to. */
const CGI_SCRIPT = `${REFERENCE_SITE.appRoot}/dump_cgi.py`;

/**
 * Checked against the real CGIHandler under the same server: the conformance suite's `cgihandler` run captures the
 * environ it builds, the body the application reads, the bytes it writes to stdout and the response.
 */
function cgiHandlerProvenance(serverLabel: string): Provenance {
  return verifiedAgainstPart('wsgiref.handlers.CGIHandler', productVersion('python'), serverLabel);
}

/** The path the dump CGI script looks at to choose its canned answer. */
function cgiPath(pairs: readonly (readonly [string, string])[]): string {
  const get = (name: string) => pairs.find(([n]) => n === name)?.[1] ?? '';
  return `${get('SCRIPT_NAME')}${get('PATH_INFO')}`;
}

/** The script as `CGIHandler().run(app)`: the environ hop, the application, and the stdout it writes. */
function callThroughCgiHandler(run: RunContext, variables: GatewayVariables): Uint8Array {
  const { environ, changes } = cgiHandlerEnviron(variables.pairs);
  const provenance = cgiHandlerProvenance(run.server.label);
  const result = callApplication(run, 'cgi-script', environ, variables.body, changes, provenance);
  return cgiHandlerStdout(result);
}

/** mod_cgid or lighttpd's mod_cgi: environment + stdin to a fresh process, its stdout parsed back (RFC 3875 §6). */
export function runCgi(run: RunContext): RunOutcome {
  const { server, request, pipeline } = run;
  const module = pipeline.id === 'apache-cgi' ? 'mod_cgid' : 'mod_cgi';
  const variables: GatewayVariables =
    server.id === 'apache2'
      ? apacheVariables(request, { module: 'mod_cgid', software: APACHE_VERSION, scriptFilename: CGI_SCRIPT })
      : lighttpdVariables(request, { scriptFilename: CGI_SCRIPT });
  const provenance = server.provenance;
  run.hops.push(
    cgiRequestHop({
      from: module,
      to: 'cgi-script',
      env: variables.pairs,
      stdin: latin1(variables.body),
      changes: variables.changes,
      provenance,
    }),
  );
  const stdout =
    run.cgiScript === 'dump' ? dumpCgiOutput(cgiPath(variables.pairs)) : callThroughCgiHandler(run, variables);
  run.hops.push(
    stdoutResponseHop({
      from: 'cgi-script',
      to: module,
      raw: latin1(stdout),
      protocol: 'cgi',
      // The plain dump script's canned answer is the conformance suite's own (tests/fixtures/apps/dump_cgi.py).
      provenance:
        run.cgiScript === 'dump'
          ? verifiedAgainst(productVersion('python'), server.label)
          : cgiHandlerProvenance(server.label),
    }),
  );
  const parsed = parseCgiResponse(stdout);
  const response = parsed.ok ? server.finishResponse(parsed.response, request) : server.errorResponse(500, request);
  return {
    response,
    continued: server.id === 'apache2' && expectsContinue(request) && request.request.body.length > 0,
  };
}

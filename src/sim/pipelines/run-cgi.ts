import type { RunContext, RunOutcome } from './run-context.ts';
import type { GatewayVariables } from '../servers/profile.ts';
import { cgiHandlerEnviron, cgiHandlerOutput } from '../servers/python/cgi-handler.ts';
import { BASE_HANDLER_RULES, baseHandlerFailure } from '../servers/python/base-handler.ts';
import { parseCgiResponse } from '../cgi/parse-cgi-response.ts';
import { callApplication } from './call-application.ts';
import { cgiRequestHop, stdoutResponseHop } from './hops.ts';
import { requireStage } from './stage-nodes.ts';
import { latin1 } from '../bytes.ts';
import { dumpCgiOutput } from '../apps/dump-app.ts';
import { REFERENCE_SITE } from '../reference-site.ts';
import { productVersion, verifiedAgainst, verifiedAgainstPart } from '../upstream-versions.ts';
import type { Hop, LogLine, Message, Provenance } from '../trace.ts';
import { faultIs, markFailed, withLog } from '../faults/fault-hops.ts';
import { CGI_BAD_HEADER_STDOUT, CGI_EXCEPTION_FRAME, PYTHON_EXCEPTION_LINE } from '../apps/fault-apps.ts';
import { pythonTraceback } from '../servers/python/python-stderr.ts';
import { fromLatin1 } from '../bytes.ts';

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
  // tests/fixtures/apps/dump_cgi.py looks for its keyword in REQUEST_URI + PATH_INFO (found by the variant
  // generator: lighttpd passes `/app/%4custom-status` raw in REQUEST_URI, `/Lustom-status` in PATH_INFO, and
  // `/app/local-redirect/..`, PATH_INFO `/`, still redirects).
  return `${get('REQUEST_URI')}${get('PATH_INFO')}`;
}

/** What a script wrote: its stdout, the lines its stderr left in the server's logs, and what failed in it. */
interface ScriptOutput {
  stdout: Uint8Array;
  log: LogLine[];
  failed: Message | null;
}

/** The script as `CGIHandler().run(app)`: the environ hop, the application, and what the handler writes. */
function callThroughCgiHandler(run: RunContext, script: string, variables: GatewayVariables): ScriptOutput {
  const { environ, changes } = cgiHandlerEnviron(variables.pairs);
  const provenance = cgiHandlerProvenance(run.server.label);
  const result = callApplication(run, script, environ, variables.body, changes, provenance, BASE_HANDLER_RULES);
  const { stdout, output } = cgiHandlerOutput(result);
  const log = run.server.cgi?.faults.stderr(script, output.stderr) ?? [];
  return { stdout, log, failed: baseHandlerFailure(output) };
}

/** A server's CGI module: environment + stdin to a fresh process, its stdout parsed back (RFC 3875 §6). */
export function runCgi(run: RunContext): RunOutcome {
  const { server, request, pipeline } = run;
  if (!server.cgi) throw new Error(`${server.label} runs no CGI scripts`);
  const module = requireStage(pipeline, 'module').id;
  const script = requireStage(pipeline, 'gateway').id;
  const missing = server.cgi.noScript?.(request);
  if (missing) return { response: missing };
  const variables = server.cgi.variables(request, CGI_SCRIPT);
  const requestHop = cgiRequestHop({
    from: module,
    to: script,
    env: variables.pairs,
    stdin: latin1(variables.body),
    changes: variables.changes,
    provenance: server.provenance,
  });
  run.hops.push(requestHop);
  if (run.fault) return runFailingScript(run, requestHop, script, module);
  const written: ScriptOutput =
    run.cgiScript === 'dump'
      ? { stdout: dumpCgiOutput(cgiPath(variables.pairs)), log: [], failed: null }
      : callThroughCgiHandler(run, script, variables);
  const { stdout } = written;
  const outputHop = stdoutResponseHop({
    from: script,
    to: module,
    raw: latin1(stdout),
    protocol: 'cgi',
    // The plain dump script's canned answer is the conformance suite's own (tests/fixtures/apps/dump_cgi.py).
    provenance:
      run.cgiScript === 'dump'
        ? verifiedAgainst(productVersion('python'), server.label)
        : cgiHandlerProvenance(server.label),
  });
  run.hops.push(written.failed ? markFailed(outputHop, written.failed, written.log) : withLog(outputHop, written.log));
  // Output that is no CGI response (RFC 3875 §6.2: headers, a blank line, then the body) is a server error.
  const parsed = parseCgiResponse(stdout);
  return {
    response: parsed.ok ? server.finishResponse(parsed.response, request) : server.errorResponse(500, request),
  };
}

/**
 * The fault runs' failing script written over the one the configuration names (tests/fixtures/faults/cgi_*.py),
 * whatever script the run would have used: it raises before writing anything, writes a header line without a
 * colon, or sleeps past the server's timeout. The server's reaction is its profile's (`cgi.faults`).
 */
function runFailingScript(run: RunContext, requestHop: Hop, script: string, module: string): RunOutcome {
  const { server, request } = run;
  const faults = server.cgi?.faults;
  if (!faults) throw new Error(`${server.label} runs no CGI scripts`);
  const provenance = server.provenance;
  if (faultIs(run, 'app-timeout')) {
    if (!faults.timeout) throw new Error(`${server.label} has no timeout for a CGI script`);
    const failure = faults.timeout(request, script);
    markFailed(requestHop, failure.failed, failure.log);
    return { response: failure.response };
  }
  const badHeader = faultIs(run, 'bad-response');
  const stdout = badHeader ? fromLatin1(CGI_BAD_HEADER_STDOUT) : new Uint8Array(0);
  const outputHop = stdoutResponseHop({ from: script, to: module, raw: latin1(stdout), protocol: 'cgi', provenance });
  run.hops.push(outputHop);
  const failure = badHeader
    ? faults.badHeader(request, script, stdout, badHeaderLine(stdout))
    : faults.noOutput(request, script, pythonTraceback(CGI_EXCEPTION_FRAME, PYTHON_EXCEPTION_LINE));
  markFailed(outputHop, failure.failed, failure.log);
  return { response: failure.response };
}

/** The first line of a header block that is no `name: value` line. */
function badHeaderLine(stdout: Uint8Array): string {
  const head = latin1(stdout).split(/\r?\n\r?\n/, 1)[0] ?? '';
  return head.split(/\r?\n/).find((line) => !/^[^\x00-\x20\x7f:]+:/.test(line)) ?? '';
}

import { isShortBody } from '../servers/short-body.ts';
import type { RunContext, RunOutcome } from './run-context.ts';
import type { GatewayVariables, RecordStyle } from '../servers/profile.ts';
import type { FcgiRecord } from '../fastcgi/record.ts';
import type { RequestContext } from '../servers/request-context.ts';
import {
  flupEnviron,
  flupRaisedRecords,
  flupHandledRecords,
  flupResponseRecords,
  flupTraceback,
  FLUP_PROVENANCE,
} from '../servers/python/flup-gateway.ts';
import { phpServerArray, phpFpmResponseRecords, PHP_FPM_PROVENANCE } from '../servers/php-fpm.ts';
import { runPhpScript } from '../apps/php-script.ts';
import { buildRequestRecords } from '../fastcgi/build-request-records.ts';
import { describeRecords } from '../fastcgi/describe-records.ts';
import { parseCgiResponse } from '../cgi/parse-cgi-response.ts';
import { requireStage } from './stage-nodes.ts';
import { callApplication, enterApplication } from './call-application.ts';
import { dataHop, fastcgiHop, stdoutResponseHop } from './hops.ts';
import { latin1 } from '../bytes.ts';
import { dumpCgiOutput } from '../apps/dump-app.ts';
import { makeRecord } from '../fastcgi/record.ts';
import { encodeEndRequestBody } from '../fastcgi/bodies.ts';
import { REFERENCE_SITE } from '../reference-site.ts';
import type { Message } from '../trace.ts';
import type { UpstreamAddress } from '../servers/upstream-failure.ts';
import { msg } from '../message.ts';
import { fromLatin1 } from '../bytes.ts';
import { FLUP_RULES, runFlupHandler, type FlupHandled } from '../servers/python/flup-handler.ts';
import { faultIs, logLine, markFailed, withLog } from '../faults/fault-hops.ts';
import { failUpstream } from '../faults/fail-upstream.ts';
import {
  BAD_HEADER,
  FAULT_EXCEPTION,
  PHP_BAD_HEADER_STDOUT,
  PHP_FATAL_STDOUT,
  phpUncaughtMessage,
  PYTHON_FAULT_FRAMES,
} from '../apps/fault-apps.ts';

/** The lengths of the pieces a server cuts the body into before it cuts each piece into records, if it does. */
function bodyPieces(style: RecordStyle, body: Uint8Array, context: RequestContext): number[] | null {
  const buffers = style.bodyBuffers?.(context);
  if (buffers && buffers.lengths.reduce((sum, length) => sum + length, 0) === body.length) return buffers.lengths;
  if (!style.stdinPiece) return null;
  // lighttpd cuts its body buffer into pieces first, then each piece into records.
  const lengths: number[] = [];
  for (let at = 0; at < body.length; at += style.stdinPiece) lengths.push(Math.min(style.stdinPiece, body.length - at));
  return lengths;
}

/** The records a server sends for these parameters and body, cut and padded in its own style. */
function requestRecords(style: RecordStyle, variables: GatewayVariables, context: RequestContext): FcgiRecord[] {
  const records = buildRequestRecords(variables.pairs, variables.body, {
    requestId: 1,
    role: 'RESPONDER',
    flags: style.flags,
    params: style.params,
    stdin: style.stdin,
    padBeginRequest: false,
  });
  const pieces = bodyPieces(style, variables.body, context);
  if (!pieces) return records;
  const head = records.filter((r) => r.type !== 5);
  const stdin: FcgiRecord[] = [];
  let at = 0;
  for (const length of pieces) {
    const piece = variables.body.subarray(at, at + length);
    at += length;
    stdin.push(
      ...buildRequestRecords([], piece, {
        requestId: 1,
        role: 'RESPONDER',
        flags: 0,
        params: style.params,
        stdin: { ...style.stdin, terminate: false },
        padBeginRequest: false,
      }).filter((r) => r.type === 5),
    );
  }
  const terminator = records[records.length - 1];
  return terminator ? [...head, ...stdin, terminator] : [...head, ...stdin];
}

/** Where the FastCGI pipelines' servers connect: fastcgi_pass 127.0.0.1:{{UPSTREAM_PORT}} and the like. */
const FASTCGI_UPSTREAM: UpstreamAddress = { scheme: 'fastcgi', uri: '' };

/** The first header line of a CGI-style answer that is no `name: value` line (what a server's parser stops at). */
function invalidHeaderLine(stdout: Uint8Array): string | null {
  const head = latin1(stdout).split(/\r?\n\r?\n/, 1)[0] ?? '';
  return head.split(/\r?\n/).find((line) => !/^[^\x00-\x20\x7f:]+:/.test(line)) ?? null;
}

/**
 * What the failing PHP script writes instead of the page (tests/fixtures/faults): php_exception.php's fatal error
 * (STDERR, then a bodiless 500) or php_bad_header.php's header line without a colon.
 */
function phpFaultOutput(
  run: RunContext,
): { stdout: Uint8Array; stderr: string; failed?: Message; change?: Message } | null {
  if (faultIs(run, 'app-exception'))
    return {
      stdout: fromLatin1(PHP_FATAL_STDOUT),
      stderr: phpUncaughtMessage(),
      failed: msg('fault.phpUncaught', { exception: FAULT_EXCEPTION.php }),
    };
  if (faultIs(run, 'bad-response')) {
    const line = PHP_BAD_HEADER_STDOUT.split('\r\n', 1)[0] ?? '';
    return {
      stdout: fromLatin1(PHP_BAD_HEADER_STDOUT),
      stderr: '',
      // Not a failure yet: PHP passes the line on; nginx fails when it parses it (the records hop).
      change: msg('fault.phpBadHeader', { line: JSON.stringify(line) }),
    };
  }
  return null;
}

/** A web server's FastCGI client talking to flup (WSGI) or php-fpm (PHP). */
export function runFastcgi(run: RunContext): RunOutcome {
  const { server, request, pipeline } = run;
  const client = server.fastcgi;
  if (!client) throw new Error(`${server.label} speaks no FastCGI`);
  const php = pipeline.kind === 'fastcgi-php';
  const module = requireStage(pipeline, 'module').id;
  const gateway = requireStage(pipeline, 'gateway').id;
  const refused = client.refuse?.(request);
  if (refused) return refused;
  // The PHP pipeline's nginx.conf sets SCRIPT_FILENAME to the script; the WSGI ones leave it to the server.
  const variables = client.variables(request, php ? `${REFERENCE_SITE.appRoot}/dump_php.php` : null);
  const records = requestRecords(client.records, variables, request);
  const buffered = client.records.bodyBuffers?.(request).change;
  const requestHop = fastcgiHop({
    from: module,
    to: gateway,
    direction: 'request',
    records: describeRecords(records),
    changes: buffered ? [...variables.changes, buffered] : variables.changes,
    provenance: server.provenance,
  });
  run.hops.push(requestHop);
  if (faultIs(run, 'backend-down')) return failUpstream(run, requestHop, { kind: 'refused' }, FASTCGI_UPSTREAM);
  let responseRecords: FcgiRecord[];
  let stdout: Uint8Array;
  let stderr = '';
  let handled: FlupHandled | null = null;
  if (php) {
    const serverArray = phpServerArray(variables.pairs);
    const script = requireStage(pipeline, 'application').id;
    const scriptHop = dataHop({
      from: gateway,
      to: script,
      protocol: 'php',
      label: '$_SERVER',
      pairs: serverArray.pairs,
      changes: serverArray.changes,
      provenance: PHP_FPM_PROVENANCE,
    });
    run.hops.push(scriptHop);
    if (faultIs(run, 'app-timeout')) return failUpstream(run, scriptHop, { kind: 'timeout' }, FASTCGI_UPSTREAM);
    const failing = phpFaultOutput(run);
    stdout = failing?.stdout ?? runPhpScript(serverArray.pairs, run.app === 'dump');
    stderr = failing?.stderr ?? '';
    const outputHop = stdoutResponseHop({
      from: script,
      to: gateway,
      raw: latin1(stdout),
      protocol: 'php',
      provenance: PHP_FPM_PROVENANCE,
      changes: failing?.change ? [{ kind: 'added', message: failing.change }] : [],
    });
    run.hops.push(failing?.failed ? markFailed(outputHop, failing.failed) : outputHop);
    responseRecords = phpFpmResponseRecords(1, stdout, stderr);
  } else if (run.fault) {
    // The fault runs' FastCGI peer in flup's place calls the failing application as flup does.
    const { environ, changes } = flupEnviron(variables.pairs);
    if (faultIs(run, 'app-exception') || faultIs(run, 'app-timeout')) {
      const hop = enterApplication(run, gateway, environ, variables.body, changes, FLUP_PROVENANCE);
      if (faultIs(run, 'app-timeout')) return failUpstream(run, hop, { kind: 'timeout' }, FASTCGI_UPSTREAM);
      markFailed(hop, msg('fault.appRaises', { exception: FAULT_EXCEPTION.python }));
      const raised = flupRaisedRecords(1, flupTraceback(PYTHON_FAULT_FRAMES.wsgiException));
      responseRecords = raised.records;
      stdout = raised.stdout;
      stderr = raised.stderr;
    } else {
      const result = callApplication(run, gateway, environ, variables.body, changes, FLUP_PROVENANCE, FLUP_RULES);
      const written = flupResponseRecords(1, result, '');
      responseRecords = written.records;
      stdout = written.stdout;
    }
  } else if (run.app === 'dump') {
    // The conformance setup's FastCGI peer: a recorder answering with the dump script's canned output, unpadded.
    const get = (name: string) => variables.pairs.find(([n]) => n === name)?.[1] ?? '';
    stdout = dumpCgiOutput(`${get('REQUEST_URI')}${get('SCRIPT_NAME')}${get('PATH_INFO')}`);
    responseRecords = [
      makeRecord('STDOUT', 1, stdout),
      makeRecord('STDOUT', 1, new Uint8Array(0)),
      makeRecord('END_REQUEST', 1, encodeEndRequestBody(0, 'REQUEST_COMPLETE')),
    ];
  } else {
    const { environ, changes, stderr: environStderr } = flupEnviron(variables.pairs);
    const result = callApplication(run, gateway, environ, variables.body, changes, FLUP_PROVENANCE, FLUP_RULES);
    handled = runFlupHandler(result);
    const written = flupHandledRecords(1, handled, environStderr);
    responseRecords = written.records;
    stdout = written.stdout;
    stderr = written.stderr;
  }
  const responseHop = fastcgiHop({
    from: gateway,
    to: module,
    direction: 'response',
    records: describeRecords(responseRecords),
    provenance: php ? PHP_FPM_PROVENANCE : FLUP_PROVENANCE,
  });
  run.hops.push(responseHop);
  if (handled) {
    // What the application wrote to wsgi.errors: the peer's own standard error (flup tees it into STDERR too).
    withLog(
      responseHop,
      handled.errors.map((line) => logLine(gateway, 'stderr', line)),
    );
  }
  if (stderr && server.upstreamFailures)
    withLog(
      responseHop,
      server.upstreamFailures.stderr(stderr, request, FASTCGI_UPSTREAM, handled?.stderrAfterStdout ?? false),
    );
  if (handled?.failure) {
    const failure = handled.failure;
    markFailed(
      responseHop,
      handled.errorPage
        ? msg('wsgi.gatewayErrorPage', { exception: failure })
        : msg('wsgi.gatewayCut', { exception: failure, bytes: stdout.length }),
    );
  }
  const parsed = parseCgiResponse(stdout);
  if (handled && parsed.ok && !request.isHead && isShortBody(parsed.response) && server.upstreamFailures?.shortBody)
    withLog(responseHop, server.upstreamFailures.shortBody(request, FASTCGI_UPSTREAM));
  // nginx's header parser stops at a space in a name, where the CGI parse above is lenient.
  const invalid = run.fault ? invalidHeaderLine(stdout) : null;
  if (invalid !== null && server.upstreamFailures?.acceptsHeaderLine?.(invalid)) {
    // The server lets the line through: the fault is the application's answer, which the client gets as it is.
    const answer = run.hops.findLast((hop) => hop.protocol === 'wsgi' && hop.direction === 'response');
    if (answer) markFailed(answer, msg('fault.appBadHeader', { name: JSON.stringify(BAD_HEADER[0]) }));
  } else if (invalid !== null)
    return failUpstream(run, responseHop, { kind: 'invalid-header', line: invalid }, FASTCGI_UPSTREAM);
  return {
    response: parsed.ok ? client.finishResponse(parsed.response, request) : server.errorResponse(502, request),
  };
}

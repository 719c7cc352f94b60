import type { RunContext, RunOutcome } from './run-context.ts';
import type { GatewayVariables, RecordStyle } from '../servers/profile.ts';
import type { FcgiRecord } from '../fastcgi/record.ts';
import type { RequestContext } from '../servers/request-context.ts';
import { flupEnviron, flupResponseRecords, FLUP_PROVENANCE } from '../servers/python/flup-gateway.ts';
import { phpServerArray, phpFpmResponseRecords, PHP_FPM_PROVENANCE } from '../servers/php-fpm.ts';
import { runPhpScript } from '../apps/php-script.ts';
import { buildRequestRecords } from '../fastcgi/build-request-records.ts';
import { describeRecords } from '../fastcgi/describe-records.ts';
import { parseCgiResponse } from '../cgi/parse-cgi-response.ts';
import { requireStage } from './stage-nodes.ts';
import { callApplication } from './call-application.ts';
import { dataHop, fastcgiHop, stdoutResponseHop } from './hops.ts';
import { latin1 } from '../bytes.ts';
import { dumpCgiOutput } from '../apps/dump-app.ts';
import { makeRecord } from '../fastcgi/record.ts';
import { encodeEndRequestBody } from '../fastcgi/bodies.ts';
import { REFERENCE_SITE } from '../reference-site.ts';

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

/** A web server's FastCGI client talking to flup (WSGI) or php-fpm (PHP). */
export function runFastcgi(run: RunContext): RunOutcome {
  const { server, request, pipeline } = run;
  const client = server.fastcgi;
  if (!client) throw new Error(`${server.label} speaks no FastCGI`);
  const php = pipeline.kind === 'fastcgi-php';
  const module = requireStage(pipeline, 'module').id;
  const gateway = requireStage(pipeline, 'gateway').id;
  // The PHP pipeline's nginx.conf sets SCRIPT_FILENAME to the script; the WSGI ones leave it to the server.
  const variables = client.variables(request, php ? `${REFERENCE_SITE.appRoot}/dump_php.php` : null);
  const records = requestRecords(client.records, variables, request);
  const buffered = client.records.bodyBuffers?.(request).change;
  run.hops.push(
    fastcgiHop({
      from: module,
      to: gateway,
      direction: 'request',
      records: describeRecords(records),
      changes: buffered ? [...variables.changes, buffered] : variables.changes,
      provenance: server.provenance,
    }),
  );
  let responseRecords: FcgiRecord[];
  let stdout: Uint8Array;
  if (php) {
    const serverArray = phpServerArray(variables.pairs);
    const script = requireStage(pipeline, 'application').id;
    run.hops.push(
      dataHop({
        from: gateway,
        to: script,
        protocol: 'php',
        label: '$_SERVER',
        pairs: serverArray.pairs,
        changes: serverArray.changes,
        provenance: PHP_FPM_PROVENANCE,
      }),
    );
    stdout = runPhpScript(serverArray.pairs, run.app === 'dump');
    run.hops.push(
      stdoutResponseHop({
        from: script,
        to: gateway,
        raw: latin1(stdout),
        protocol: 'php',
        provenance: PHP_FPM_PROVENANCE,
      }),
    );
    responseRecords = phpFpmResponseRecords(1, stdout);
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
    const { environ, changes, stderr } = flupEnviron(variables.pairs);
    const result = callApplication(run, gateway, environ, variables.body, changes, FLUP_PROVENANCE);
    const written = flupResponseRecords(1, result, stderr);
    responseRecords = written.records;
    stdout = written.stdout;
  }
  run.hops.push(
    fastcgiHop({
      from: gateway,
      to: module,
      direction: 'response',
      records: describeRecords(responseRecords),
      provenance: php ? PHP_FPM_PROVENANCE : FLUP_PROVENANCE,
    }),
  );
  const parsed = parseCgiResponse(stdout);
  return {
    response: parsed.ok ? client.finishResponse(parsed.response, request) : server.errorResponse(502, request),
  };
}

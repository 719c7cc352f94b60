import type { RunContext, RunOutcome } from './run-context.ts';
import type { GatewayVariables } from '../servers/profile.ts';
import type { StreamSplitOptions } from '../fastcgi/stream.ts';
import type { FcgiRecord } from '../fastcgi/record.ts';
import { apacheVariables } from '../servers/apache/apache-variables.ts';
import { APACHE_VERSION } from '../servers/apache/apache-names.ts';
import { lighttpdVariables, LIGHTTPD_RECORDS } from '../servers/lighttpd/lighttpd-variables.ts';
import { nginxFastcgiParams, NGINX_RECORDS } from '../servers/nginx/nginx-fastcgi-params.ts';
import { flupEnviron, flupResponseRecords, FLUP_PROVENANCE } from '../servers/python/flup-gateway.ts';
import { phpServerArray, phpFpmResponseRecords, PHP_FPM_PROVENANCE } from '../servers/php-fpm.ts';
import { runPhpScript } from '../apps/php-script.ts';
import { buildRequestRecords } from '../fastcgi/build-request-records.ts';
import { describeRecords } from '../fastcgi/describe-records.ts';
import { parseCgiResponse, type CgiResponse } from '../cgi/parse-cgi-response.ts';
import { finishApacheResponse } from '../servers/apache/apache-profile.ts';
import { callApplication } from './call-application.ts';
import { expectsContinue } from './expects-continue.ts';
import { dataHop, fastcgiHop, stdoutResponseHop } from './hops.ts';
import { latin1 } from '../bytes.ts';
import { dumpCgiOutput } from '../apps/dump-app.ts';
import { makeRecord } from '../fastcgi/record.ts';
import { encodeEndRequestBody } from '../fastcgi/bodies.ts';
import { REFERENCE_SITE } from '../reference-site.ts';

/** How each web server writes FastCGI records (verified by recording what each sends). */
const RECORD_STYLES: Readonly<
  Record<string, { params: StreamSplitOptions; stdin: StreamSplitOptions; flags: number; stdinPiece?: number }>
> = {
  nginx: NGINX_RECORDS,
  lighttpd: LIGHTTPD_RECORDS,
  apache2: {
    params: { maxContentLength: 65535, padTo8: false, terminate: true },
    stdin: { maxContentLength: 8192, padTo8: false, terminate: true },
    flags: 0,
  },
};

const MODULES: Readonly<Record<string, string>> = {
  nginx: 'ngx_http_fastcgi_module',
  lighttpd: 'mod_fastcgi',
  apache2: 'mod_proxy_fcgi',
};

function gatewayVariables(run: RunContext, php: boolean): GatewayVariables {
  const { server, request } = run;
  if (server.id === 'nginx') return nginxFastcgiParams(request, php ? `${REFERENCE_SITE.appRoot}/dump_php.php` : null);
  if (server.id === 'lighttpd') return lighttpdVariables(request, { scriptFilename: null });
  return apacheVariables(request, { module: 'mod_proxy_fcgi', software: APACHE_VERSION, scriptFilename: '' });
}

function requestRecords(serverId: string, variables: GatewayVariables): FcgiRecord[] {
  const style = RECORD_STYLES[serverId] ?? RECORD_STYLES['nginx'];
  if (!style) return [];
  const records = buildRequestRecords(variables.pairs, variables.body, {
    requestId: 1,
    role: 'RESPONDER',
    flags: style.flags,
    params: style.params,
    stdin: style.stdin,
    padBeginRequest: false,
  });
  if (!style.stdinPiece) return records;
  // lighttpd cuts its body buffer into pieces first, then each piece into records.
  const head = records.filter((r) => r.type !== 5);
  const stdin: FcgiRecord[] = [];
  for (let at = 0; at < variables.body.length; at += style.stdinPiece) {
    const piece = variables.body.subarray(at, Math.min(at + style.stdinPiece, variables.body.length));
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
  const php = pipeline.kind === 'fastcgi-php';
  const module = MODULES[server.id] ?? server.id;
  const gateway = php ? 'php-fpm' : 'flup';
  const variables = gatewayVariables(run, php);
  const records = requestRecords(server.id, variables);
  run.hops.push(
    fastcgiHop({
      from: module,
      to: gateway,
      direction: 'request',
      records: describeRecords(records),
      changes: variables.changes,
      provenance: server.provenance,
    }),
  );
  let responseRecords: FcgiRecord[];
  let stdout: Uint8Array;
  if (php) {
    const serverArray = phpServerArray(variables.pairs);
    run.hops.push(
      dataHop({
        from: 'php-fpm',
        to: 'php-script',
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
        from: 'php-script',
        to: 'php-fpm',
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
    const result = callApplication(run, 'flup', environ, variables.body, changes, FLUP_PROVENANCE);
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
  const finishResponse =
    server.id === 'apache2'
      ? (r: CgiResponse) => finishApacheResponse(r, request, { contentTypeLast: true, clientRedirects: false })
      : (r: CgiResponse) => server.finishResponse(r, request);
  const response = parsed.ok ? finishResponse(parsed.response) : server.errorResponse(502, request);
  return { response, continued: server.id === 'nginx' && expectsContinue(request) };
}

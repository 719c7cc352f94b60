import type { RunContext, RunOutcome } from './run-context.ts';
import type { Environ } from '../wsgi/environ.ts';
import type { Change } from '../trace.ts';
import { wsgirefEnviron } from '../servers/python/wsgiref-server.ts';
import { werkzeugEnviron } from '../servers/python/werkzeug-server.ts';
import { cherootEnviron } from '../servers/python/cheroot-server.ts';
import { wsgiResultAsResponse } from '../servers/python/wsgi-result-response.ts';
import { callApplication } from './call-application.ts';
import { expectsContinue } from './expects-continue.ts';
import { findStaticFile } from '../servers/static-files.ts';
import { percentDecode } from '../http/target.ts';
import { latin1 } from '../bytes.ts';
import { werkzeugInternalError } from '../servers/python/werkzeug-server.ts';

const ENVIRON_BUILDERS: Readonly<Record<string, (run: RunContext) => { environ: Environ; changes: Change[] }>> = {
  wsgiref: (run) => wsgirefEnviron(run.request),
  werkzeug: (run) => werkzeugEnviron(run.request),
  cheroot: (run) => cherootEnviron(run.request),
};

/** A Python WSGI server that speaks HTTP itself and calls the application directly. */
export function runWsgiServer(run: RunContext): RunOutcome {
  const { server, request } = run;
  if (
    server.id === 'werkzeug' &&
    percentDecode(request.target.path).startsWith('/static/') &&
    findStaticFile(percentDecode(request.target.path))
  ) {
    return { response: server.serveStatic(request), continued: false };
  }
  if (
    server.id === 'werkzeug' &&
    request.request.framing === 'chunked' &&
    /^[0-9a-fA-F]+;/m.test(latin1(request.raw.subarray(request.request.bodyOffset, request.request.length)))
  ) {
    // DechunkedInput reads the size line with int(line, 16): a chunk extension raises ValueError inside the
    // application's read, and Werkzeug answers with its InternalServerError page.
    return { response: werkzeugInternalError(), continued: expectsContinue(request) };
  }
  const build = ENVIRON_BUILDERS[server.id];
  if (!build) throw new Error(`No WSGI environ builder for ${server.id}`);
  const { environ, changes } = build(run);
  const result = callApplication(run, server.id, environ, request.request.body, changes, server.provenance);
  return {
    response: server.finishResponse(wsgiResultAsResponse(result), request),
    continued: server.id !== 'wsgiref' && expectsContinue(request),
  };
}

import type { Change, Provenance } from '../trace.ts';
import type { Environ } from '../wsgi/environ.ts';
import type { RunContext } from './run-context.ts';
import { readInput, runApplication, type WsgiRunResult } from '../wsgi/run-application.ts';
import { wsgiRequestHop, wsgiResponseHop } from './hops.ts';
import { latin1 } from '../bytes.ts';

/** Calls the pipeline's WSGI application and records the environ hop and the response hop. */
export function callApplication(
  run: RunContext,
  from: string,
  environ: Environ,
  input: Uint8Array,
  changes: Change[],
  provenance: Provenance,
): WsgiRunResult {
  const app = run.createApp();
  run.hops.push(
    wsgiRequestHop({
      input: latin1(readInput(environ, input)),
      from,
      to: 'app',
      environ: environ.toPairs(),
      appName: app.name,
      changes,
      provenance,
    }),
  );
  const result = runApplication(app, environ, input);
  run.hops.push(
    wsgiResponseHop({
      from: 'app',
      to: from,
      status: result.status,
      headers: result.headers,
      body: latin1(result.body),
      calls: result.log,
      provenance: app.provenance ?? provenance,
      changes: result.error ? [{ kind: 'rejected', message: result.error }] : [],
    }),
  );
  return result;
}

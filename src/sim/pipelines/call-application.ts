import type { Change, Provenance, WsgiRequestHop } from '../trace.ts';
import type { WsgiApplication } from '../wsgi/application.ts';
import { faultIs } from '../faults/fault-hops.ts';
import { createBadHeaderApp, WSGI_FAULT_APP_NAMES } from '../apps/fault-apps.ts';

/** The failing application's name when the run's fault happens in the application. */
function faultyAppName(run: RunContext): string | undefined {
  const id = run.fault?.id;
  return id === undefined || id === 'backend-down' ? undefined : WSGI_FAULT_APP_NAMES[id];
}
import type { Environ } from '../wsgi/environ.ts';
import type { GatewayRules } from '../wsgi/gateway-rules.ts';
import type { RunContext } from './run-context.ts';
import { readInput, runApplication, type WsgiRunResult } from '../wsgi/run-application.ts';
import { wsgiRequestHop, wsgiResponseHop } from './hops.ts';
import { latin1 } from '../bytes.ts';

/**
 * The application a run calls: the pipeline's, or the failing one the conformance suite puts in its place for a
 * fault that happens in the application (tests/fixtures/faults/wsgi_bad_header.py for `bad-response`).
 */
function applicationFor(run: RunContext): WsgiApplication {
  return faultIs(run, 'bad-response') ? createBadHeaderApp() : run.createApp();
}

/**
 * Records the environ hop into the application without calling it: where the application never answers (it
 * raises, or sleeps past a timeout), the hop the fault is drawn on. Returns the hop.
 */
export function enterApplication(
  run: RunContext,
  from: string,
  environ: Environ,
  input: Uint8Array,
  changes: Change[],
  provenance: Provenance,
  appName: string = faultyAppName(run) ?? run.createApp().name,
): WsgiRequestHop {
  const hop = wsgiRequestHop({
    input: latin1(readInput(environ, input)),
    from,
    to: 'app',
    environ: environ.toPairs(),
    appName,
    changes,
    provenance,
  });
  run.hops.push(hop);
  return hop;
}

/**
 * Calls the pipeline's WSGI application and records the environ hop and the response hop; `gateway`: the calling
 * gateway model's start_response rules, handed to the application with the call.
 */
export function callApplication(
  run: RunContext,
  from: string,
  environ: Environ,
  input: Uint8Array,
  changes: Change[],
  provenance: Provenance,
  gateway?: GatewayRules,
): WsgiRunResult {
  const app = applicationFor(run);
  enterApplication(run, from, environ, input, changes, provenance, app.name);
  const result = runApplication(app, environ, input, gateway);
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

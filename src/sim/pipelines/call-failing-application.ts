import type { Change, LogLine, Message, Provenance } from '../trace.ts';
import type { Environ } from '../wsgi/environ.ts';
import type { RunContext } from './run-context.ts';
import type { WsgiRunResult } from '../wsgi/run-application.ts';
import { readInput } from '../wsgi/run-application.ts';
import { wsgiRequestHop } from './hops.ts';
import { callApplication } from './call-application.ts';
import { markFailed } from '../faults/fault-hops.ts';
import { BAD_HEADER, createBadHeaderApp, FAULT_SLEEP_SECONDS, PYTHON_EXCEPTION_LINE } from '../apps/fault-apps.ts';
import { latin1 } from '../bytes.ts';
import { msg } from '../message.ts';

/** The application faults: what the failing application written over dump_wsgi.py does. */
export type AppFault = 'app-exception' | 'bad-response' | 'app-timeout';

/** The injected fault when it is one the application itself plays, else null. */
export function appFault(run: Pick<RunContext, 'fault'>): AppFault | null {
  const id = run.fault?.id;
  return id === 'app-exception' || id === 'bad-response' || id === 'app-timeout' ? id : null;
}

/** What the caller says about a failure: the log lines written meanwhile. */
export interface FailureLog {
  log: readonly LogLine[];
}

/**
 * Calls the failing application in the selected one's place (the conformance suite writes it over dump_wsgi.py):
 * `app-exception` and `app-timeout` mark the environ hop failed (it raised; it did not answer in time) and return
 * null; `bad-response` calls wsgi_bad_header.py and marks its answer failed, returning what it gave.
 */
export function callFailingApplication(
  run: RunContext,
  fault: AppFault,
  from: string,
  environ: Environ,
  input: Uint8Array,
  changes: Change[],
  provenance: Provenance,
  failure: FailureLog,
): WsgiRunResult | null {
  if (fault === 'bad-response') {
    const result = callApplication(
      { ...run, createApp: createBadHeaderApp },
      from,
      environ,
      input,
      changes,
      provenance,
    );
    const answer = run.hops[run.hops.length - 1];
    if (answer) markFailed(answer, msg('fault.appBadHeader', { name: JSON.stringify(BAD_HEADER[0]) }), failure.log);
    return result;
  }
  const hop = wsgiRequestHop({
    input: latin1(readInput(environ, input)),
    from,
    to: 'app',
    environ: environ.toPairs(),
    appName: fault === 'app-exception' ? 'wsgi_exception:application' : 'wsgi_sleep:application',
    changes,
    provenance,
  });
  const failed: Message =
    fault === 'app-exception'
      ? msg('fault.appRaises', { exception: PYTHON_EXCEPTION_LINE })
      : msg('fault.python.slow', { seconds: FAULT_SLEEP_SECONDS });
  run.hops.push(markFailed(hop, failed, failure.log));
  return null;
}

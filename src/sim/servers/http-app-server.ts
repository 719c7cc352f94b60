import type { Change, ConfigOrigin, LogLine, Message, Provenance } from '../trace.ts';
import type { Environ } from '../wsgi/environ.ts';
import type { WsgiRunResult } from '../wsgi/run-application.ts';
import type { ServerLimits } from './server-limits.ts';
import type { GatewayRules } from '../wsgi/gateway-rules.ts';

/** Calls the pipeline's application with an environ and body, recording its hops; the server gets its result. */
export type CallApplication = (environ: Environ, input: Uint8Array, changes: Change[]) => WsgiRunResult;

/** An application server that speaks HTTP to the web server in front of it (Gunicorn behind proxy_pass). */
export interface HttpAppServer {
  /** Product and version, e.g. `Gunicorn 20.1.0`. */
  label: string;
  provenance: Provenance;
  /** Its stock limits on what the proxy sends it, and where each is set. */
  limits: ServerLimits;
  /**
   * Reads the HTTP request the proxy sent, calls the application, and gives the bytes it writes back; null when
   * it cannot read the request.
   */
  serve(
    raw: Uint8Array,
    callApplication: CallApplication,
  ): {
    raw: Uint8Array;
    changes: Change[];
    origins?: ConfigOrigin[];
    /** The lines it logged for this request (an application's odd result), and what failed, if anything did. */
    log?: LogLine[];
    failed?: Message;
  } | null;
  /** What it does when the application fails (an injected fault). */
  faults?: AppServerFaults;
  /** The start_response rules of the WSGI application server (its gateway model's), handed over with the call. */
  rules?: GatewayRules;
}

/** An application server's reactions to a failing application: what it writes back and logs. */
export interface AppServerFaults {
  /** The application raised before it started its response (`uri`: the request-target it was called for). */
  raised(uri: string): { raw: Uint8Array; log: LogLine[] };
  /** Its own time limit on a request, which ends a slow one before the proxy's does, or null when it has none. */
  timeout(): { seconds: number; failed: Message; log: LogLine[] } | null;
}

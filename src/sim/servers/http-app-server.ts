import type { Change, ConfigOrigin, Provenance } from '../trace.ts';
import type { Environ } from '../wsgi/environ.ts';
import type { WsgiRunResult } from '../wsgi/run-application.ts';
import type { ServerLimits } from './server-limits.ts';

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
  ): { raw: Uint8Array; changes: Change[]; origins?: ConfigOrigin[] } | null;
}

import type { AsgiEvent, AsgiScope, AsgiScopeFields } from '../../asgi/asgi-types.ts';
import type { Provenance } from '../../trace.ts';
import type { H11Request } from './uvicorn-scope.ts';
import { uvicornReceivedEvents, uvicornScope } from './uvicorn-scope.ts';
import { h11ReadRequest, uvicornBadRequest, uvicornResponse } from './uvicorn-http.ts';
import { productVersion, verifiedAgainst } from '../../upstream-versions.ts';

/** An ASGI server behind a reverse proxy: how it reads HTTP, builds the scope, and writes the answer. */
export interface AsgiServerProfile {
  /** Node id in pipelines, e.g. `uvicorn`. */
  id: string;
  label: string;
  provenance: Provenance;
  /** The request as its HTTP implementation reads it, or null when it rejects the bytes. */
  readRequest(raw: string): H11Request | null;
  scope(request: H11Request): { scope: AsgiScope; fields: AsgiScopeFields };
  /** The events `receive()` returns before the application answers. */
  received(request: H11Request): AsgiEvent[];
  /** The HTTP bytes it writes for the application's send events. */
  respond(request: H11Request, sent: readonly AsgiEvent[]): string;
  /** The HTTP bytes it writes when it cannot read the request. */
  badRequest(): string;
}

/** Uvicorn 0.17.6 as Debian 12 packages it: h11 and the asyncio loop (no httptools, no uvloop), one process. */
export const UVICORN: AsgiServerProfile = {
  id: 'uvicorn',
  label: productVersion('uvicorn'),
  provenance: verifiedAgainst(productVersion('uvicorn'), productVersion('nginx')),
  readRequest: h11ReadRequest,
  scope: uvicornScope,
  received: uvicornReceivedEvents,
  respond: uvicornResponse,
  badRequest: uvicornBadRequest,
};

/** The ASGI server profiles by node id. */
export const ASGI_SERVERS: Readonly<Record<string, AsgiServerProfile>> = { uvicorn: UVICORN };

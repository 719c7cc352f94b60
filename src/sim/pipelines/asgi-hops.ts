import type { AsgiEvent } from '../asgi/asgi-types.ts';
import type { AsgiRequestHop, AsgiResponseHop, Change, Pair, Provenance } from '../trace.ts';
import { msg } from '../message.ts';

interface AsgiHopBase {
  from: string;
  to: string;
  changes?: Change[];
  provenance: Provenance;
}

/** The server calls `app(scope, receive, send)`: the scope, and the `http.request` events receive() returned. */
export function asgiRequestHop(
  base: AsgiHopBase & { scope: Pair[]; events: AsgiEvent[]; appName: string },
): AsgiRequestHop {
  const bytes = base.events.reduce((n, event) => n + (event.body?.length ?? 0), 0);
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: 'asgi',
    summary: msg('summary.asgiRequest', { keys: base.scope.length, events: base.events.length, bytes }),
    changes: base.changes ?? [],
    asgi: { scope: base.scope, events: base.events },
    provenance: base.provenance,
    narration: msg('narration.asgiRequest', { from: base.from, app: base.appName, events: base.events.length, bytes }),
  };
}

/** The application's `await send(…)` calls: `http.response.start`, then one or more `http.response.body`. */
export function asgiResponseHop(base: AsgiHopBase & { events: AsgiEvent[] }): AsgiResponseHop {
  const start = base.events.find((event) => event.type === 'http.response.start');
  const bytes = base.events.reduce((n, event) => n + (event.body?.length ?? 0), 0);
  const status = start?.status ?? 0;
  return {
    from: base.from,
    to: base.to,
    direction: 'response',
    protocol: 'asgi',
    summary: msg('summary.asgiResponse', { status, headers: start?.headers?.length ?? 0, bytes }),
    changes: base.changes ?? [],
    asgiResponse: { events: base.events },
    provenance: base.provenance,
    narration: msg('narration.asgiResponse', { status, bytes, to: base.to }),
  };
}

import type { LabBoundary } from '../../lab/lab-protocol.ts';
import type { Change, MiddlewareDiff, MiddlewareHop, Provenance } from '../trace.ts';
import { msg, type Message } from '../message.ts';
import { boundaryResponse, environDiff, environPairs, responseDiff } from './boundary-diff.ts';

/** One layer as the hops name it: its file name, its place (0: outermost), its node and the nodes either side. */
export interface LayerPlace {
  layer: string;
  index: number;
  node: string;
  /** The node that called it (the gateway, or the layer outside it) and the one it calls. */
  outer: string;
  inner: string;
  /** How the narration names them: a layer or the application by its file name, the gateway by its node. */
  outerName: string;
  innerName: string;
}

/** A diff row as a change note for the step's list of changes. */
function diffChange(layer: string, diff: MiddlewareDiff): Change {
  const name = diff.part === 'status' ? 'status' : diff.part === 'body' ? 'body' : diff.name;
  const kind = diff.change === 'added' ? 'added' : diff.change === 'removed' ? 'dropped' : 'rewritten';
  const message: Message =
    diff.change === 'added'
      ? msg('change.labAdded', { layer, name, value: diff.after ?? '' })
      : diff.change === 'removed'
        ? msg('change.labRemoved', { layer, name })
        : msg('change.labChanged', { layer, name, before: diff.before ?? '', after: diff.after ?? '' });
  return {
    kind,
    ...(diff.change !== 'added' ? { from: name } : {}),
    ...(diff.change !== 'removed' ? { to: name } : {}),
    message,
  };
}

/** Layer k going in: the environ it called the next layer with (boundary k+1), against the one it got (boundary k). */
export function middlewareRequestHop(
  place: LayerPlace,
  received: LabBoundary,
  passed: LabBoundary,
  provenance: Provenance,
): MiddlewareHop {
  const environ = environPairs(passed.environ);
  const diff = environDiff(received.environ, passed.environ);
  const { layer, index } = place;
  return {
    from: place.node,
    to: place.inner,
    direction: 'request',
    protocol: 'middleware',
    summary: msg('summary.middlewareIn', { layer, keys: environ.length, changes: diff.length }),
    changes: diff.map((row) => diffChange(layer, row)),
    middleware: { layer, index, environ, diff },
    provenance,
    narration:
      diff.length === 0
        ? msg('narration.middlewareInSame', { layer, to: place.innerName })
        : msg('narration.middlewareIn', { layer, to: place.innerName, changes: diff.length }),
  };
}

/** Layer k coming out: what it handed outward (boundary k), against what it got from inside (boundary k+1). */
export function middlewareResponseHop(
  place: LayerPlace,
  inner: LabBoundary | undefined,
  outer: LabBoundary,
  provenance: Provenance,
): MiddlewareHop {
  const response = boundaryResponse(outer);
  const diff = responseDiff(inner, outer);
  const { layer, index } = place;
  return {
    from: place.node,
    to: place.outer,
    direction: 'response',
    protocol: 'middleware',
    summary: msg('summary.middlewareOut', {
      layer,
      status: JSON.stringify(response.status),
      bytes: response.body.length,
      changes: diff.length,
    }),
    changes: diff.map((row) => diffChange(layer, row)),
    middleware: { layer, index, response, diff },
    provenance,
    narration:
      diff.length === 0
        ? msg('narration.middlewareOutSame', { layer, to: place.outerName })
        : msg('narration.middlewareOut', { layer, to: place.outerName, changes: diff.length }),
  };
}

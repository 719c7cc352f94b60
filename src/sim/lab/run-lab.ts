import type { LabException, LabRunResult } from '../../lab/lab-protocol.ts';
import type { Change, Hop, MessageId, Provenance, Trace } from '../trace.ts';
import type { TraceParts } from '../pipelines/trace-parts.ts';
import { tracePipeline } from '../pipelines/trace-pipeline.ts';
import { wsgiResponseHop } from '../pipelines/hops.ts';
import { msg } from '../message.ts';
import { labPartsOf, requireLabParts } from './lab-parts.ts';
import { replayApplication, type LabRun } from './replay-application.ts';
import { middlewareRequestHop, middlewareResponseHop, type LayerPlace } from './middleware-hops.ts';
import { boundaryResponse } from './boundary-diff.ts';
import { APP_NODE, middlewareNode } from './lab-nodes.ts';

const RAISED: Readonly<Record<LabException['where'], MessageId>> = {
  call: 'change.labRaisedCall',
  iterate: 'change.labRaisedIterate',
  close: 'change.labRaisedClose',
};

/** The exception the code let out, as a change on the hop back into the gateway. */
function raisedChange(exception: LabException): Change {
  return {
    kind: 'rejected',
    message: msg(RAISED[exception.where], { type: exception.type, message: exception.message }),
  };
}

/** The file names of a run: as the harness echoed them, or numbered ones for an answer without them. */
export function layerNames(run: LabRun): { app: string; middleware: string[] } {
  return (
    run.names ?? {
      app: 'app.py',
      middleware: run.boundaries.slice(1).map((_, index) => `middleware_${index}.py`),
    }
  );
}

/** `app.py` → `app`: the module name Python gives the file. */
const moduleOf = (file: string): string => file.replace(/\.py$/, '');

/** What the gateway calls: `outer:middleware(inner:middleware(app:application))`. */
export function stackName(names: { app: string; middleware: readonly string[] }): string {
  return names.middleware.reduceRight(
    (inner, layer) => `${moduleOf(layer)}:middleware(${inner})`,
    `${moduleOf(names.app)}:application`,
  );
}

/**
 * The pipeline's trace with the reader's code in the application's place: the pipeline's own runner and gateway
 * handle what the code handed the gateway (boundary 0, replayed), and between the gateway's WSGI hop and the
 * application one hop per middleware layer each way shows what that layer changed (the environ going in; status,
 * headers and body coming out). Throws `LabPipelineError` for a pipeline without a WSGI application, and an error
 * for a run that did not run (a syntax error, a timeout: there is nothing to replay).
 */
export function runLab(pipelineId: string, requestBytes: Uint8Array, result: LabRunResult): Trace {
  return runLabWith(labPartsOf(pipelineId), requestBytes, result);
}

/** `runLab` with the pipeline's parts already loaded (the player's on-demand parts). */
export function runLabWith(parts: TraceParts, requestBytes: Uint8Array, result: LabRunResult): Trace {
  requireLabParts(parts);
  if (!result.ok)
    throw new Error(`the lab run did not run (${result.error.kind}: ${result.error.message}); nothing to replay`);
  const names = layerNames(result);
  const app = replayApplication(result, stackName(names));
  const trace = tracePipeline(parts, requestBytes, { id: 'plain', create: () => app });
  trace.hops = withLayers(trace.hops, result, names);
  return trace;
}

/** The hops with the middleware layers put in between the gateway's WSGI call and the application. */
function withLayers(hops: Hop[], run: LabRun, names: { app: string; middleware: string[] }): Hop[] {
  const call = hops.findIndex((hop) => hop.protocol === 'wsgi' && hop.direction === 'request' && hop.to === APP_NODE);
  const request = hops[call];
  if (!request) return hops;
  const back = hops.findIndex(
    (hop, index) => index > call && hop.protocol === 'wsgi' && hop.direction === 'response' && hop.from === APP_NODE,
  );
  const answer = hops[back];
  const { boundaries } = run;
  const layers = names.middleware.length;
  const deepest = boundaries.length - 1;
  const raised = run.exception ? [raisedChange(run.exception)] : [];
  // No layer at all, or the code failed before the gateway could call it (raised on import, or in `middleware(app)`
  // while the stack was built): the gateway's own call and answer are the whole story.
  if (layers === 0 || boundaries.length === 0) {
    answer?.changes.push(...raised);
    return hops;
  }
  const ran = (file: string): Provenance => ({ kind: 'ran', subject: file });
  const layerName = (index: number): string => names.middleware[index] ?? middlewareNode(index);
  const place = (index: number): LayerPlace => ({
    layer: layerName(index),
    index,
    node: middlewareNode(index),
    outer: index === 0 ? request.from : middlewareNode(index - 1),
    inner: index + 1 < layers ? middlewareNode(index + 1) : APP_NODE,
    outerName: index === 0 ? request.from : layerName(index - 1),
    innerName: index + 1 < layers ? layerName(index + 1) : names.app,
  });
  const inward: Hop[] = [{ ...request, to: middlewareNode(0) }];
  for (let index = 0; index < layers; index++) {
    const received = boundaries[index];
    const passed = boundaries[index + 1];
    if (!received || !passed) break;
    const p = place(index);
    inward.push(middlewareRequestHop(p, received, passed, ran(p.layer)));
  }
  const outward: Hop[] = [];
  const innermost = boundaries[layers];
  if (deepest === layers && innermost) {
    const response = boundaryResponse(innermost);
    outward.push(
      wsgiResponseHop({
        from: APP_NODE,
        to: middlewareNode(layers - 1),
        ...response,
        calls: [],
        provenance: ran(names.app),
      }),
    );
  }
  for (let index = Math.min(deepest, layers - 1); index >= 0; index--) {
    const outer = boundaries[index];
    if (!outer) continue;
    const p = place(index);
    outward.push(middlewareResponseHop(p, boundaries[index + 1], outer, ran(p.layer)));
  }
  const last = outward.at(-1);
  if (answer && last) {
    // What the gateway made of the answer (a violation it found, its log) stays on the hop back into it.
    last.changes.push(...answer.changes, ...raised);
    if (answer.log) last.log = answer.log;
    if (answer.failed) last.failed = answer.failed;
  }
  const before = hops.slice(0, call);
  if (!answer) return [...before, ...inward, ...hops.slice(call + 1)];
  return [...before, ...inward, ...hops.slice(call + 1, back), ...outward, ...hops.slice(back + 1)];
}

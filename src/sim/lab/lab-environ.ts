import type { LabEnvironEntry, LabGatewayRules } from '../../lab/lab-protocol.ts';
import type { Trace } from '../trace.ts';
import type { TraceParts } from '../pipelines/trace-parts.ts';
import type { WsgiApplication } from '../wsgi/application.ts';
import type { Environ } from '../wsgi/environ.ts';
import { tracePipeline } from '../pipelines/trace-pipeline.ts';
import { readInput } from '../wsgi/run-application.ts';
import { labPartsOf, requireLabParts } from './lab-parts.ts';

/** What the lab's code is called with: the gateway's environ and the body, or the trace of why it is not called. */
export type LabEnviron =
  | {
      reached: true;
      environ: LabEnvironEntry[];
      input: Uint8Array;
      /** The gateway's start_response rules, for `LabRunRequest.gateway`. */
      gateway: LabGatewayRules;
    }
  | { reached: false; trace: Trace };

/**
 * The environ the pipeline's gateway builds for the request, with its Python types (str, int, bool, tuple; other
 * objects by repr), and the bytes `wsgi.input` yields: what the pipeline's own run hands its application. When the
 * request never reaches the application (the server refuses it, serves a file, answers itself), the trace that
 * shows why. Throws `LabPipelineError` for a pipeline without a WSGI application, `RequestTooLargeError` above the
 * simulator's limit.
 */
export function labEnviron(pipelineId: string, requestBytes: Uint8Array): LabEnviron {
  return labEnvironWith(labPartsOf(pipelineId), requestBytes);
}

/** `labEnviron` with the pipeline's parts already loaded. */
export function labEnvironWith(parts: TraceParts, requestBytes: Uint8Array): LabEnviron {
  requireLabParts(parts);
  const seen: { first?: { environ: Environ; input: Uint8Array; gateway: LabGatewayRules } } = {};
  const recorder: WsgiApplication = {
    name: 'application',
    call(invocation, startResponse) {
      // The first request that reaches the application is the lab's (a pipelined one after it gets the same code).
      // The calling gateway hands its model's start_response rules over with the call (PEP 3333's own without).
      seen.first ??= { environ: invocation.environ.copy(), input: invocation.input, gateway: invocation.gateway ?? {} };
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return { items: [], hasClose: false };
    },
  };
  const trace = tracePipeline(parts, requestBytes, { id: 'plain', create: () => recorder });
  const { first } = seen;
  if (!first) return { reached: false, trace };
  const environ = first.environ.keys().flatMap((name): LabEnvironEntry[] => {
    const value = first.environ.get(name);
    return value ? [[name, value]] : [];
  });
  // PEP 3333 §"Input and Error Streams": the application should not read past CONTENT_LENGTH; a gateway's stream
  // ends there (or at the end of a chunked body it marks wsgi.input_terminated), so the stand-in holds just that.
  return { reached: true, environ, input: readInput(first.environ, first.input), gateway: first.gateway };
}

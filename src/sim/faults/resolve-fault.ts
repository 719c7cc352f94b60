import { msg } from '../message.ts';
import type { PipelineDefinition } from '../pipelines/pipeline-types.ts';
import { UnknownNameError } from '../unknown-name-error.ts';
import { FAULT_IDS, isFaultId, type FaultId } from './fault-ids.ts';
import { isAccepted, type AcceptedFault } from './pipeline-fault.ts';
import { UnsupportedFaultError } from './unsupported-fault-error.ts';

/** The values a refusal's sentence may use: the pipeline, the fault and the front server (its node's label). */
export function faultSlots(pipeline: PipelineDefinition, fault: FaultId): Record<string, string> {
  const server = pipeline.nodes.find((node) => node.id === pipeline.server)?.label ?? pipeline.server;
  return { pipeline: pipeline.id, fault, server };
}

/**
 * The pipeline's entry for a fault name: throws `UnknownNameError` for a name that is no fault id, and
 * `UnsupportedFaultError` (with the manifest's reason) for a fault the pipeline cannot have.
 */
export function resolveFault(pipeline: PipelineDefinition, name: string): AcceptedFault {
  if (!isFaultId(name)) throw new UnknownNameError('fault', name, FAULT_IDS);
  const entry = pipeline.faults.find((fault) => fault.id === name);
  // faultList lists every fault id, so a missing entry is a broken manifest, not a reader's mistake.
  if (!entry) throw new Error(`${pipeline.id}: its manifest entry lists no fault ${JSON.stringify(name)}`);
  if (isAccepted(entry)) return entry;
  throw new UnsupportedFaultError(pipeline.id, name, msg(entry.refused, faultSlots(pipeline, name)));
}

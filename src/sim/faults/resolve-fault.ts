import { msg } from '../message.ts';
import type { PipelineDefinition } from '../pipelines/pipeline-types.ts';
import { UnknownNameError } from '../unknown-name-error.ts';
import { FAULT_IDS, isFaultId } from './fault-ids.ts';
import { isAccepted, type AcceptedFault } from './pipeline-fault.ts';
import { UnsupportedFaultError } from './unsupported-fault-error.ts';

/**
 * The pipeline's entry for a fault name: throws `UnknownNameError` for a name that is no fault id, and
 * `UnsupportedFaultError` (with the manifest's reason) for a fault the pipeline cannot have.
 */
export function resolveFault(pipeline: PipelineDefinition, name: string): AcceptedFault {
  if (!isFaultId(name)) throw new UnknownNameError('fault', name, FAULT_IDS);
  const entry = pipeline.faults?.find((fault) => fault.id === name);
  if (entry && isAccepted(entry)) return entry;
  const reason = entry
    ? msg(entry.refused, { pipeline: pipeline.id })
    : msg('fault.notModelled', { pipeline: pipeline.id, fault: name });
  throw new UnsupportedFaultError(pipeline.id, name, reason);
}

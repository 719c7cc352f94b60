/**
 * The player's fault presets: one per fault a pipeline accepts (its manifest entry's `faults`), the pipeline's
 * default request with that fault injected. Data derived from the manifest, so a pipeline that starts accepting a
 * fault offers its preset with no change here; the menu labels and descriptions are in `src/i18n/player.ts`.
 */
import type { AcceptedFault, FaultId } from '../sim/index.ts';
import { isAccepted } from '../sim/faults/pipeline-fault.ts';
import type { PipelineDefinition } from '../sim/pipelines/pipeline-types.ts';
import { defaultPresetId } from './presets.ts';

/** A fault preset: the request preset it sends and the fault it injects at `node`. */
export interface FaultPreset {
  /** `fault-<fault id>`, the preset menu's value. */
  id: string;
  /** The request preset sent (the pipeline's default request). */
  request: string;
  fault: FaultId;
  node: string;
}

/** The prefix of a fault preset's id in the preset menu. */
export const FAULT_PRESET_PREFIX = 'fault-';

/** The faults a pipeline accepts, in the manifest's order (none when it lists none). */
export function acceptedFaults(pipeline: PipelineDefinition): AcceptedFault[] {
  return (pipeline.faults ?? []).filter(isAccepted).map(({ id, node }) => ({ id, node }));
}

/** One preset per accepted fault. */
export function faultPresets(pipeline: PipelineDefinition): FaultPreset[] {
  const request = defaultPresetId(pipeline.kind);
  return acceptedFaults(pipeline).map(({ id, node }) => ({
    id: `${FAULT_PRESET_PREFIX}${id}`,
    request,
    fault: id,
    node,
  }));
}

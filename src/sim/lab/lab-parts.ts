import type { TraceParts } from '../pipelines/trace-parts.ts';
import { PIPELINES, PIPELINE_IDS } from '../pipelines/manifest/index.ts';
import { partsOf } from '../pipelines/static-parts.ts';
import { LabPipelineError } from './lab-pipeline-error.ts';

/** The pipelines the lab runs behind: those whose application can be swapped (`selectableApp`), every WSGI one. */
export const LAB_PIPELINE_IDS: readonly string[] = PIPELINE_IDS.filter((id) => PIPELINES[id]?.selectableApp === true);

/** A lab pipeline's parts; throws `LabPipelineError` for an unknown id or a pipeline without a WSGI application. */
export function labPartsOf(pipelineId: string): TraceParts {
  if (!LAB_PIPELINE_IDS.includes(pipelineId))
    throw new LabPipelineError(pipelineId, LAB_PIPELINE_IDS, Object.hasOwn(PIPELINES, pipelineId));
  return partsOf(pipelineId);
}

/** Checks parts loaded elsewhere (the player's on-demand parts) the same way. */
export function requireLabParts(parts: TraceParts): TraceParts {
  if (!parts.pipeline.selectableApp) throw new LabPipelineError(parts.pipeline.id, LAB_PIPELINE_IDS, true);
  return parts;
}

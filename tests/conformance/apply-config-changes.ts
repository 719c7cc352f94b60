import type { CapturedConfigChange } from '../../src/sim/pipelines/pipeline-types.ts';

/**
 * A reference configuration file with a fault run's changes to it applied (a shortened timeout): each change's
 * `find` must occur exactly once in the file, so a reference file edited since cannot silently lose the change.
 */
export function applyConfigChanges(
  pipelineId: string,
  file: string,
  reference: string,
  changes: readonly CapturedConfigChange[],
): string {
  let text = reference;
  for (const change of changes.filter((candidate) => candidate.file === file)) {
    const count = text.split(change.find).length - 1;
    if (count !== 1) {
      throw new Error(
        `configs/${pipelineId}/${file}: the fault run's change to ${change.setting} expects ${JSON.stringify(change.find)} once, found it ${count} times`,
      );
    }
    text = text.replace(change.find, () => change.write);
  }
  return text;
}

import { describe, expect, inject, it } from 'vitest';
import {
  checkCaptures,
  describeCaptureCheck,
  diffCommitted,
  diffCommittedFault,
  RECAPTURE_ADVICE,
} from './capture-check.ts';
import { readFaultCapture } from './read-fault-capture.ts';
import { readCapture } from './read-capture.ts';
import { readCorpus } from './corpus.ts';
import { PIPELINES } from './pipelines.ts';
import { REPO_PATHS } from './repo-paths.ts';
import { readRecordedVersions } from './version-drift.ts';

/**
 * The installed Debian servers against the committed captures. A newer package version (Debian ships security
 * updates often) is information: the suite passes when the fresh captures are identical, printing one line that
 * names the drifted packages, and fails with a per-case diff when the new version behaves differently.
 */
const freshDir = inject('freshCaptures');
const cases = readCorpus().map((corpusCase) => corpusCase.name);

describe('the installed servers still produce the committed captures', () => {
  for (const pipeline of PIPELINES) {
    it.each(cases)(`${pipeline.id} %s`, (name) => {
      const lines = diffCommitted(REPO_PATHS.captures, readCapture(freshDir, pipeline.id, name));
      expect(lines, `${pipeline.id}/${name} changed:\n${lines.join('\n')}\n${RECAPTURE_ADVICE}`).toEqual([]);
    });
  }

  for (const pipeline of PIPELINES.filter((spec) => spec.faultRuns.length > 0)) {
    it.each(pipeline.faultRuns.map((run) => run.fault))(`${pipeline.id} fault %s`, (fault) => {
      const fresh = readFaultCapture(freshDir, pipeline.id, fault);
      const lines = fresh ? diffCommittedFault(REPO_PATHS.captures, fresh) : ['no fresh capture'];
      expect(lines, `${pipeline.id}/faults/${fault} changed:\n${lines.join('\n')}\n${RECAPTURE_ADVICE}`).toEqual([]);
    });
  }

  it('names the Debian packages whose version moved, and passes when nothing the captures see changed', () => {
    const fresh = PIPELINES.flatMap((pipeline) => cases.map((name) => readCapture(freshDir, pipeline.id, name)));
    const check = checkCaptures(REPO_PATHS.captures, fresh, readRecordedVersions(), readRecordedVersions(freshDir));
    const { ok, text } = describeCaptureCheck(check);
    if (ok && text) console.log(text);
    expect(ok, text).toBe(true);
  });
});

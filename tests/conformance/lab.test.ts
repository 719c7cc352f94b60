import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { compareLabTrace, labTrace } from './compare-lab.ts';
import { readCorpus } from './corpus.ts';
import { FAULT_CASE } from './fault-case.ts';
import { PIPELINES } from './pipelines.ts';
import { REPO_PATHS } from './repo-paths.ts';
import { LAB_APPS, type LabCapture } from './run-lab-app.ts';
import { LAB_OPEN } from './lab-open.ts';

/**
 * The lab's applications (tests/fixtures/lab/) on the real servers (the suite's fresh lab captures) against the
 * simulator: the same Python code run by the lab's harness under /usr/bin/python3 on the environ the pipeline's
 * gateway builds, with its start_response rules, and its result replayed through the pipeline by `runLab`. Pairs in `LAB_OPEN` (a gateway whose handling of odd results is not modelled yet) must
 * still differ, so that the list shrinks as they are modelled.
 */
const freshDir = inject('freshCaptures');
const request = readCorpus().find((corpusCase) => corpusCase.name === FAULT_CASE);
const pairs = PIPELINES.filter((pipeline) => pipeline.lab).flatMap((pipeline) =>
  LAB_APPS.map((app) => [pipeline.id, app] as const),
);
const sources = new Map(LAB_APPS.map((app) => [app, readFileSync(`${REPO_PATHS.lab}/${app}.py`, 'utf8')]));

function differences(pipeline: string, app: string): string[] {
  const capture = JSON.parse(readFileSync(`${freshDir}/${pipeline}/lab/${app}.json`, 'utf8')) as LabCapture;
  const source = sources.get(app);
  if (source === undefined || !request) throw new Error(`no source for ${app} or no ${FAULT_CASE}`);
  return compareLabTrace(labTrace(pipeline, request.bytes, source), capture);
}

describe('the lab applications on the real servers and in the simulator', () => {
  it.each(pairs.filter(([pipeline, app]) => !LAB_OPEN.has(`${pipeline}/${app}`)))('%s %s', (pipeline, app) => {
    expect(differences(pipeline, app)).toEqual([]);
  });
  it.each(pairs.filter(([pipeline, app]) => LAB_OPEN.has(`${pipeline}/${app}`)))(
    '%s %s is listed as open and still differs',
    (pipeline, app) => {
      expect(differences(pipeline, app)).not.toEqual([]);
    },
  );
});

import { describe, expect, inject, it } from 'vitest';
import { runPipeline } from '../../src/sim/index.ts';
import { isAccepted } from '../../src/sim/faults/pipeline-fault.ts';
import { PIPELINE_LIST } from '../../src/sim/pipelines/manifest/index.ts';
import { compareFaultRun } from './compare-fault.ts';
import { readCorpus } from './corpus.ts';
import { FAULT_CASE } from './fault-case.ts';
import { PIPELINES } from './pipelines.ts';
import { readFaultCapture } from './read-fault-capture.ts';

/**
 * The simulator's fault traces against what the installed servers did with the same fault (the suite's fresh
 * fault captures): every fault a pipeline's manifest entry accepts, for the case the fault runs send.
 */
const freshDir = inject('freshCaptures');
const request = readCorpus().find((corpusCase) => corpusCase.name === FAULT_CASE);

describe('the fault runs', () => {
  it.each(PIPELINES.flatMap((pipeline) => pipeline.faultRuns.map((run) => [pipeline.id, run.fault] as const)))(
    '%s %s is captured from the installed servers',
    (pipeline, fault) => {
      const capture = readFaultCapture(freshDir, pipeline, fault);
      expect(capture?.exchanges.length, `${pipeline}/faults/${fault}`).toBeGreaterThan(0);
    },
  );
});

const accepted = PIPELINE_LIST.flatMap((pipeline) =>
  (pipeline.faults ?? []).filter(isAccepted).map((fault) => [pipeline.id, fault.id] as const),
);

describe.runIf(accepted.length > 0)('the simulator agrees with the installed servers under each accepted fault', () => {
  it.each(accepted)('%s %s', (pipeline, fault) => {
    const capture = readFaultCapture(freshDir, pipeline, fault);
    expect(
      capture,
      `${pipeline} accepts ${fault} but has no fault run for it in its <ENTRY>_CONFORMANCE.faultRuns`,
    ).toBeDefined();
    if (!capture || !request) return;
    const run = (bytes: Uint8Array) => runPipeline(pipeline, bytes, { app: 'dump', cgiScript: 'dump', fault });
    expect(compareFaultRun(pipeline, request.bytes, capture, run)).toEqual([]);
  });
});

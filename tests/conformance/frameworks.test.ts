import { describe, expect, inject, it } from 'vitest';
import { runPipeline } from '../../src/sim/index.ts';
import { compareFrameworkResponse } from './compare-framework.ts';
import { readCapture } from './read-capture.ts';
import { readCorpus } from './corpus.ts';
import { FRAMEWORK_RUNS, PIPELINES } from './pipelines.ts';

/**
 * The simulator's framework applications (`app: 'django' | 'flask' | 'webpy'`) against the real Debian packages
 * running the same example applications (tests/fixtures/apps/framework_*.py) behind the same server, for every
 * corpus case: status line, headers (names, values, order) and body, volatile values masked. Read from the suite's
 * fresh captures, so new corpus cases are covered as soon as they exist.
 */
const freshDir = inject('freshCaptures');
const corpus = readCorpus();
const hosts = PIPELINES.filter((pipeline) =>
  pipeline.runs.some((run) => FRAMEWORK_RUNS.some((name) => name === run.name)),
);

describe('the framework applications agree with the real frameworks', () => {
  it('runs them behind at least one server', () => {
    expect(hosts.map((pipeline) => pipeline.id)).not.toEqual([]);
  });

  for (const pipeline of hosts) {
    for (const framework of FRAMEWORK_RUNS) {
      it.each(corpus.map((corpusCase) => [corpusCase.name, corpusCase] as const))(
        `${pipeline.id} ${framework} %s`,
        (name, corpusCase) => {
          const captured = readCapture(freshDir, pipeline.id, name).frameworks?.[framework];
          expect(captured, `${pipeline.id}/${name} has no ${framework} response`).toBeDefined();
          if (!captured) return;
          const trace = runPipeline(pipeline.id, corpusCase.bytes, { app: framework });
          expect(compareFrameworkResponse(trace, captured)).toEqual([]);
        },
      );
    }
  }
});

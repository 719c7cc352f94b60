import { describe, expect, inject, it } from 'vitest';
import { runPipeline } from '../../src/sim/index.ts';
import { compareTraceWithCapture } from './compare-trace.ts';
import { readCapture } from './read-capture.ts';
import { readCorpus } from './corpus.ts';
import { PIPELINES } from './pipelines.ts';

/** The simulator against what the installed servers produce now (the suite's fresh captures, not the committed ones). */
const freshDir = inject('freshCaptures');
const corpus = readCorpus();

describe('the simulator agrees with the installed servers', () => {
  for (const pipeline of PIPELINES) {
    it.each(corpus.map((corpusCase) => [corpusCase.name, corpusCase] as const))(
      `${pipeline.id} %s`,
      (name, corpusCase) => {
        const capture = readCapture(freshDir, pipeline.id, name);
        const trace = runPipeline(pipeline.id, corpusCase.bytes, { app: 'dump' });
        expect(compareTraceWithCapture(trace, capture)).toEqual([]);
      },
    );
  }
});

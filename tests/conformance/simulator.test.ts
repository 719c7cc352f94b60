import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/sim/index.ts';
import type { Capture } from './build-capture.ts';
import { compareTraceWithCapture } from './compare-trace.ts';
import { readCorpus } from './corpus.ts';
import { PIPELINES } from './pipelines.ts';
import { REPO_PATHS } from './repo-paths.ts';

const corpus = readCorpus();

describe('the simulator agrees with the committed captures of the real servers', () => {
  for (const pipeline of PIPELINES) {
    it.each(corpus.map((corpusCase) => [corpusCase.name, corpusCase] as const))(
      `${pipeline.id} %s`,
      (name, corpusCase) => {
        const path = `${REPO_PATHS.captures}/${pipeline.id}/${name}.json`;
        const capture = JSON.parse(readFileSync(path, 'utf8')) as Capture;
        const trace = runPipeline(pipeline.id, corpusCase.bytes, { app: 'dump' });
        expect(compareTraceWithCapture(trace, capture)).toEqual([]);
      },
    );
  }
});

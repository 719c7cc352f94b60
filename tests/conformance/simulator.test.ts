import { describe, expect, inject, it } from 'vitest';
import { runPipeline } from '../../src/sim/index.ts';
import { compareCgiHandlerWithCapture, compareTraceWithCapture } from './compare-trace.ts';
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
        // The conformance suite's own scripts: the dump CGI script, the WSGI dump application, the recorder.
        const trace = runPipeline(pipeline.id, corpusCase.bytes, { app: 'dump', cgiScript: 'dump' });
        expect(compareTraceWithCapture(trace, capture)).toEqual([]);
      },
    );
  }
});

describe("the simulator's CGIHandler agrees with wsgiref.handlers.CGIHandler under the installed servers", () => {
  for (const pipeline of PIPELINES.filter((spec) => spec.runs.some((run) => run.name === 'cgihandler'))) {
    it.each(corpus.map((corpusCase) => [corpusCase.name, corpusCase] as const))(
      `${pipeline.id} %s`,
      (name, corpusCase) => {
        const capture = readCapture(freshDir, pipeline.id, name);
        const trace = runPipeline(pipeline.id, corpusCase.bytes, { app: 'dump', cgiScript: 'cgihandler' });
        expect(compareCgiHandlerWithCapture(trace, capture)).toEqual([]);
      },
    );
  }
});

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from './build-capture.ts';
import { capturePipelines } from './capture-pipelines.ts';
import { readCorpus } from './corpus.ts';
import { PIPELINES } from './pipelines.ts';
import { REPO_PATHS } from './repo-paths.ts';
import { serialiseCapture } from './serialise-capture.ts';
import { describeVersionDrift, findVersionDrift } from './version-drift.ts';

const CAPTURE_TIMEOUT_MS = 180_000;
const drift = findVersionDrift();

it('runs against the Debian package versions the captures were made with', () => {
  if (drift.length > 0) throw new Error(describeVersionDrift(drift));
});

describe('the real servers still produce the committed captures', () => {
  const fresh = new Map<string, Capture>();
  beforeAll(async () => {
    for (const capture of await capturePipelines()) fresh.set(`${capture.pipeline}/${capture.case}`, capture);
  }, CAPTURE_TIMEOUT_MS);

  const cases = readCorpus().map((corpusCase) => corpusCase.name);
  for (const pipeline of PIPELINES) {
    it.each(cases)(`${pipeline.id} %s`, (name) => {
      if (drift.length > 0) throw new Error(describeVersionDrift(drift));
      const key = `${pipeline.id}/${name}`;
      const committed: unknown = JSON.parse(readFileSync(`${REPO_PATHS.captures}/${key}.json`, 'utf8'));
      const capture = fresh.get(key);
      expect(capture, `no fresh capture for ${key}`).toBeDefined();
      expect(JSON.parse(serialiseCapture(capture as Capture))).toEqual(committed);
    });
  }
});

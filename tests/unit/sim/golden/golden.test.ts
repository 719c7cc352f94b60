import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PIPELINE_IDS, runPipeline, type RunPipelineOptions, type WsgiAppId } from '../../../../src/sim/index.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { readGoldenFile, type GoldenCase } from './read-golden-file.ts';
import { summarizeTrace } from './summarize-trace.ts';

const dir = fileURLToPath(new URL('../../../fixtures/golden/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort();
/** A case's run options: its application and its injected fault, when its options lines name them. */
function options(golden: GoldenCase): RunPipelineOptions {
  return {
    ...(golden.app ? { app: golden.app as WsgiAppId } : {}),
    ...(golden.fault ? { fault: golden.fault } : {}),
  };
}

/** Set UPDATE_GOLDEN=1 to rewrite the expected blocks from the simulator (then review the diff). */
const update = process.env['UPDATE_GOLDEN'] === '1';

it('has a golden file for every pipeline, and none for a pipeline that does not exist', () => {
  expect(files.length).toBeGreaterThan(0);
  expect(files.map((file) => file.replace(/\.md$/, ''))).toEqual([...PIPELINE_IDS].sort());
});

describe.each(files)('golden %s', (file) => {
  const pipeline = file.replace(/\.md$/, '');
  const text = readFileSync(`${dir}${file}`, 'utf8');
  const cases = readGoldenFile(text);
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  if (update) {
    let out = text;
    for (const golden of [...cases].reverse()) {
      const actual = summarizeTrace(runPipeline(pipeline, fromLatin1(golden.request), options(golden)));
      out = `${out.slice(0, golden.expectedStart)}${actual}\n${out.slice(golden.expectedEnd)}`;
    }
    writeFileSync(`${dir}${file}`, out);
    return;
  }
  it.each(cases.map((c) => [c.title, c] as const))('%s', (_title, golden) => {
    const trace = runPipeline(pipeline, fromLatin1(golden.request), options(golden));
    expect(summarizeTrace(trace)).toBe(golden.expected);
  });
});

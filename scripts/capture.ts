/**
 * Capture the request corpus through the real Debian servers and write tests/fixtures/captures/.
 * Usage: node scripts/capture.ts [--pipeline <id>]... [--case <name>]
 * Writes <pipeline-id>/<case>.json for each capture and versions.json (the Debian packages they ran on).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { capturePipelines } from '../tests/conformance/capture-pipelines.ts';
import { findPipeline, PIPELINES } from '../tests/conformance/pipelines.ts';
import { readPackageVersions } from '../tests/conformance/package-versions.ts';
import { REPO_PATHS } from '../tests/conformance/repo-paths.ts';
import { serialiseCapture } from '../tests/conformance/serialise-capture.ts';

const { values } = parseArgs({
  options: { pipeline: { type: 'string', multiple: true }, case: { type: 'string' } },
});
for (const id of values.pipeline ?? []) findPipeline(id);
const started = Date.now();
const captures = await capturePipelines({
  ...(values.pipeline ? { pipelines: values.pipeline } : {}),
  ...(values.case ? { caseName: values.case } : {}),
});
for (const capture of captures) {
  mkdirSync(`${REPO_PATHS.captures}/${capture.pipeline}`, { recursive: true });
  writeFileSync(`${REPO_PATHS.captures}/${capture.pipeline}/${capture.case}.json`, serialiseCapture(capture));
}
const versions = readPackageVersions(PIPELINES.flatMap((pipeline) => pipeline.packages));
writeFileSync(`${REPO_PATHS.captures}/versions.json`, `${JSON.stringify(versions, null, 2)}\n`);
process.stderr.write(`captured ${captures.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

/**
 * Capture the request corpus through the real Debian servers and write tests/fixtures/captures/.
 * Usage: node scripts/capture.ts [--pipeline <id>]... [--case <name>]
 * Writes <pipeline-id>/<case>.json for each capture and versions.json (the Debian packages they ran on), says
 * which captures changed and how, and names the line of src/sim/upstream-versions.ts to change when a package's
 * upstream version moved (provenance labels are built from that table).
 */
import { parseArgs } from 'node:util';
import { capturePipelines } from '../tests/conformance/capture-pipelines.ts';
import { diffCommitted } from '../tests/conformance/capture-check.ts';
import { findPipeline, PIPELINES } from '../tests/conformance/pipelines.ts';
import { readPackageVersions } from '../tests/conformance/package-versions.ts';
import { REPO_PATHS } from '../tests/conformance/repo-paths.ts';
import { upstreamMoves } from '../tests/conformance/upstream-moves.ts';
import { findVersionDrift, listDrift, readRecordedVersions } from '../tests/conformance/version-drift.ts';
import { writeCaptures } from '../tests/conformance/write-captures.ts';

const { values } = parseArgs({
  options: { pipeline: { type: 'string', multiple: true }, case: { type: 'string' } },
});
for (const id of values.pipeline ?? []) findPipeline(id);
const started = Date.now();
const captures = await capturePipelines({
  ...(values.pipeline ? { pipelines: values.pipeline } : {}),
  ...(values.case ? { caseName: values.case } : {}),
});
const changed = captures.flatMap((capture) => {
  const lines = diffCommitted(REPO_PATHS.captures, capture);
  return lines.length > 0 ? [`  ${capture.pipeline}/${capture.case}`, ...lines.map((line) => `    ${line}`)] : [];
});
const versions = readPackageVersions(PIPELINES.flatMap((pipeline) => pipeline.packages));
const drift = findVersionDrift(readRecordedVersions(), versions);
writeCaptures(REPO_PATHS.captures, captures, versions);

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const report = [`captured ${captures.length} cases in ${seconds} s`];
if (drift.length > 0) report.push(`versions.json updated: ${listDrift(drift)}`);
const changedCases = changed.filter((line) => !line.startsWith('    ')).length;
report.push(changedCases === 0 ? 'no capture changed' : `${changedCases} captures changed:`, ...changed);
for (const line of upstreamMoves(versions)) report.push(`upstream version moved: change ${line}`);
process.stderr.write(`${report.join('\n')}\n`);

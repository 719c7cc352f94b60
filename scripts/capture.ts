/**
 * Capture the request corpus through the real Debian servers and write tests/fixtures/captures/.
 * Usage: node scripts/capture.ts [--pipeline <id>]... [--case <name>] [--fault <id>]... [--lab <app|all>]...
 * Writes <pipeline-id>/<case>.json for each capture, <pipeline-id>/faults/<fault>.json for each fault the manifest
 * says how to inject, <pipeline-id>/lab/<app>.json for each application of tests/fixtures/lab/ on each pipeline that
 * takes any application, and versions.json (the Debian packages they ran on); with --case, --fault or --lab, only those. Says
 * which captures changed and how, and names the line of src/sim/upstream-versions.ts to change when a package's
 * upstream version moved (provenance labels are built from that table).
 */
import { parseArgs } from 'node:util';
import { capturePipelines } from '../tests/conformance/capture-pipelines.ts';
import { diffCommitted, diffCommittedFault, diffCommittedLab } from '../tests/conformance/capture-check.ts';
import { LAB_APPS } from '../tests/conformance/run-lab-app.ts';
import { FAULT_IDS, isFaultId } from '../src/sim/faults/fault-ids.ts';
import { findPipeline, PIPELINES } from '../tests/conformance/pipelines.ts';
import { readPackageVersions } from '../tests/conformance/package-versions.ts';
import { REPO_PATHS } from '../tests/conformance/repo-paths.ts';
import { upstreamMoves } from '../tests/conformance/upstream-moves.ts';
import { findVersionDrift, listDrift, readRecordedVersions } from '../tests/conformance/version-drift.ts';
import { writeCaptures } from '../tests/conformance/write-captures.ts';

const { values } = parseArgs({
  options: {
    pipeline: { type: 'string', multiple: true },
    case: { type: 'string' },
    fault: { type: 'string', multiple: true },
    lab: { type: 'string', multiple: true },
  },
});
for (const id of values.pipeline ?? []) findPipeline(id);
const faults = (values.fault ?? []).map((name) => {
  if (!isFaultId(name)) throw new Error(`unknown fault "${name}"; known: ${FAULT_IDS.join(', ')}`);
  return name;
});
for (const name of values.lab ?? [])
  if (name !== 'all' && !LAB_APPS.includes(name))
    throw new Error(`unknown lab application "${name}"; known: all, ${LAB_APPS.join(', ')}`);
const started = Date.now();
const {
  captures,
  faults: faultCaptures,
  labs,
} = await capturePipelines({
  ...(values.pipeline ? { pipelines: values.pipeline } : {}),
  ...(values.case ? { caseName: values.case } : {}),
  ...(faults.length > 0 ? { faults } : {}),
  ...(values.lab ? { labs: values.lab } : {}),
});
const describe = (name: string, lines: string[]): string[] =>
  lines.length > 0 ? [`  ${name}`, ...lines.map((line) => `    ${line}`)] : [];
const changed = [
  ...captures.flatMap((capture) =>
    describe(`${capture.pipeline}/${capture.case}`, diffCommitted(REPO_PATHS.captures, capture)),
  ),
  ...faultCaptures.flatMap((capture) =>
    describe(`${capture.pipeline}/faults/${capture.fault}`, diffCommittedFault(REPO_PATHS.captures, capture)),
  ),
  ...labs.flatMap((capture) =>
    describe(`${capture.pipeline}/lab/${capture.app}`, diffCommittedLab(REPO_PATHS.captures, capture)),
  ),
];
const versions = readPackageVersions(PIPELINES.flatMap((pipeline) => pipeline.packages));
const drift = findVersionDrift(readRecordedVersions(), versions);
writeCaptures(REPO_PATHS.captures, captures, versions, faultCaptures, labs);

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const report = [
  `captured ${captures.length} cases, ${faultCaptures.length} faults and ${labs.length} lab applications in ${seconds} s`,
];
if (drift.length > 0) report.push(`versions.json updated: ${listDrift(drift)}`);
const changedCases = changed.filter((line) => !line.startsWith('    ')).length;
report.push(changedCases === 0 ? 'no capture changed' : `${changedCases} captures changed:`, ...changed);
for (const line of upstreamMoves(versions)) report.push(`upstream version moved: change ${line}`);
process.stderr.write(`${report.join('\n')}\n`);

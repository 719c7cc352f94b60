/**
 * Compare the simulator with the committed captures and print what differs, field by field.
 * Usage: node tests/conformance/report-simulator.ts [--pipeline <id>]... [--case <name>] [--all]
 * Prints one line per pipeline (cases that agree / all cases) and, for each differing case, its first
 * differences (every difference with --all); then one line per framework application (Django, Flask, web.py) behind
 * each pipeline that runs them; then the same for the faults each pipeline accepts, against its fault captures.
 * Exit code 0 when everything agrees, 1 otherwise.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runPipeline } from '../../src/sim/index.ts';
import type { Capture } from './build-capture.ts';
import { compareCgiHandlerWithCapture, compareTraceWithCapture } from './compare-trace.ts';
import { readCorpus } from './corpus.ts';
import { FRAMEWORK_RUNS, PIPELINES } from './pipelines.ts';
import { compareFrameworkResponse } from './compare-framework.ts';
import { REPO_PATHS } from './repo-paths.ts';
import { isAccepted } from '../../src/sim/faults/pipeline-fault.ts';
import { PIPELINE_LIST } from '../../src/sim/pipelines/manifest/index.ts';
import { compareFaultRun } from './compare-fault.ts';
import { FAULT_CASE } from './fault-case.ts';
import { readFaultCapture } from './read-fault-capture.ts';

const DIFFERENCES_SHOWN = 2;

const { values } = parseArgs({
  options: { pipeline: { type: 'string', multiple: true }, case: { type: 'string' }, all: { type: 'boolean' } },
});
const cases = readCorpus().filter((corpusCase) => !values.case || corpusCase.name === values.case);
let disagreements = 0;
for (const pipeline of PIPELINES.filter((p) => !values.pipeline || values.pipeline.includes(p.id))) {
  const lines: string[] = [];
  for (const corpusCase of cases) {
    const path = `${REPO_PATHS.captures}/${pipeline.id}/${corpusCase.name}.json`;
    const capture = JSON.parse(readFileSync(path, 'utf8')) as Capture;
    const options = { app: 'dump', cgiScript: 'dump' } as const;
    const differences = compareTraceWithCapture(runPipeline(pipeline.id, corpusCase.bytes, options), capture);
    if (pipeline.runs.some((run) => run.name === 'cgihandler')) {
      const trace = runPipeline(pipeline.id, corpusCase.bytes, { app: 'dump', cgiScript: 'cgihandler' });
      differences.push(...compareCgiHandlerWithCapture(trace, capture));
    }
    if (differences.length === 0) continue;
    const shown = values.all ? differences : differences.slice(0, DIFFERENCES_SHOWN);
    lines.push(`  ${corpusCase.name}`, ...shown.map((difference) => `    ${difference}`));
  }
  const agreeing = cases.length - lines.filter((line) => !line.startsWith('    ')).length;
  disagreements += cases.length - agreeing;
  process.stdout.write(
    `${pipeline.id}: ${agreeing}/${cases.length} cases agree\n${lines.join('\n')}${lines.length ? '\n' : ''}`,
  );
  for (const framework of FRAMEWORK_RUNS.filter((name) => pipeline.runs.some((run) => run.name === name))) {
    const differing: string[] = [];
    for (const corpusCase of cases) {
      const path = `${REPO_PATHS.captures}/${pipeline.id}/${corpusCase.name}.json`;
      const captured = (JSON.parse(readFileSync(path, 'utf8')) as Capture).frameworks?.[framework];
      const trace = runPipeline(pipeline.id, corpusCase.bytes, { app: framework });
      const differences = captured ? compareFrameworkResponse(trace, captured) : ['no capture of this framework'];
      if (differences.length === 0) continue;
      const shown = values.all ? differences : differences.slice(0, DIFFERENCES_SHOWN);
      differing.push(`  ${corpusCase.name}`, ...shown.map((difference) => `    ${difference}`));
    }
    const agreeing = cases.length - differing.filter((line) => !line.startsWith('    ')).length;
    disagreements += cases.length - agreeing;
    process.stdout.write(
      `${pipeline.id} ${framework}: ${agreeing}/${cases.length} cases agree\n${differing.join('\n')}${differing.length ? '\n' : ''}`,
    );
  }
}

const faultRequest = readCorpus().find((corpusCase) => corpusCase.name === FAULT_CASE);
for (const pipeline of PIPELINES.filter((p) => !values.pipeline || values.pipeline.includes(p.id))) {
  const accepted = (PIPELINE_LIST.find((entry) => entry.id === pipeline.id)?.faults ?? []).filter(isAccepted);
  if (accepted.length === 0 || !faultRequest) continue;
  const lines: string[] = [];
  for (const { id: fault } of accepted) {
    const capture = readFaultCapture(REPO_PATHS.captures, pipeline.id, fault);
    const differences = capture
      ? compareFaultRun(pipeline.id, faultRequest.bytes, capture, (bytes) =>
          runPipeline(pipeline.id, bytes, { app: 'dump', cgiScript: 'dump', fault }),
        )
      : ['no fault capture (add a fault run to its <ENTRY>_CONFORMANCE.faultRuns)'];
    if (differences.length === 0) continue;
    const shown = values.all ? differences : differences.slice(0, DIFFERENCES_SHOWN);
    lines.push(`  ${fault}`, ...shown.map((difference) => `    ${difference}`));
  }
  const failing = lines.filter((line) => !line.startsWith('    ')).length;
  disagreements += failing;
  process.stdout.write(
    `${pipeline.id} faults: ${accepted.length - failing}/${accepted.length} agree\n${lines.join('\n')}${lines.length ? '\n' : ''}`,
  );
}
process.exitCode = disagreements === 0 ? 0 : 1;

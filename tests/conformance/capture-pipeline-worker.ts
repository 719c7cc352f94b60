/**
 * Runs inside the private namespaces that capture-pipelines.ts starts it in: captures the corpus cases and the
 * faults through one pipeline and writes them as JSON ({ captures, faults }) to the given file.
 * Usage: node capture-pipeline-worker.ts <pipeline-id> <output.json> [--case <name>] [--fault <id>]... [--lab <app>]...
 *   [--cases <file>]
 * `--cases` sends the requests of that file (`[{ name, bytes (base64), responses }]`) instead of the corpus, and no fault.
 * `--lab` runs those applications of tests/fixtures/lab/ (`all`: every one) where the pipeline takes any application.
 * With no option, every case, every fault and every lab application; otherwise only the kinds named.
 * HOP_KEEP_LOGS=<dir> copies each run's server logs there (they otherwise vanish with the namespace).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildCapture, type RunResults } from './build-capture.ts';
import { readCorpus, type CorpusCase } from './corpus.ts';
import { findPipeline } from './pipelines.ts';
import { runCases, type CaseResult } from './run-cases.ts';
import { FAULT_CASE } from './fault-case.ts';
import { runFault, type FaultCapture } from './run-fault.ts';
import { LAB_APPS, runLabApp, type LabCapture } from './run-lab-app.ts';
import { SITE, SITE_DIRS } from './site-layout.ts';
import { normaliseCapture, normaliseFaultCapture } from './volatile.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    case: { type: 'string' },
    fault: { type: 'string', multiple: true },
    cases: { type: 'string' },
    lab: { type: 'string', multiple: true },
  },
});
const [pipelineId, output] = positionals;
if (!pipelineId || !output) {
  throw new Error('usage: capture-pipeline-worker.ts <pipeline-id> <output.json> [--case <name>] [--fault <id>]...');
}
// Refuse to touch /srv unless it is the private tmpfs this namespace mounted over it.
if (!/ \/srv [^\n]* - tmpfs /.test(readFileSync('/proc/self/mountinfo', 'utf8'))) {
  throw new Error('/srv is not a private tmpfs: run this through capture-pipelines.ts');
}

const pipeline = findPipeline(pipelineId);
const everything =
  values.case === undefined && values.fault === undefined && values.cases === undefined && values.lab === undefined;
const corpus = readCorpus();
const source = values.cases === undefined ? corpus : readCasesFile(values.cases);
const cases =
  everything || values.case !== undefined || values.cases !== undefined
    ? source.filter((item) => !values.case || item.name === values.case)
    : [];
const faultRuns = pipeline.faultRuns.filter((run) => everything || (values.fault ?? []).includes(run.fault));
const labApps = LAB_APPS.filter(
  (app) => everything || (values.lab ?? []).some((name) => name === 'all' || name === app),
);
const keepLogs = process.env['HOP_KEEP_LOGS'];
/** For debugging: HOP_KEEP_LOGS=<dir> keeps each run's server logs (they live in the namespace's tmpfs). */
const keep = (name: string): void => {
  if (keepLogs) cpSync(`${SITE.root}/${SITE_DIRS.log}`, `${keepLogs}/${pipeline.id}-${name}`, { recursive: true });
};

const results: Partial<Record<string, CaseResult[]>> = {};
if (cases.length > 0) {
  for (const run of pipeline.runs) {
    results[run.name] = await runCases(pipeline.id, run, cases);
    keep(run.name);
  }
}

const captures = cases.map((_corpusCase, index) => {
  const runs: RunResults = {};
  for (const run of pipeline.runs) {
    const result = results[run.name]?.[index];
    if (result) runs[run.name] = result;
  }
  // The client's ports, and the ports an application behind a proxy saw as REMOTE_PORT: the proxy's own
  // ephemeral ports toward it, which change from run to run just the same.
  const clientPorts = Object.values(runs).flatMap((result) => [result.exchange.clientPort, ...peerPorts(result)]);
  return normaliseCapture(buildCapture(pipeline.id, runs), clientPorts);
});

// Generated cases (`--cases`) come without the corpus and run no fault: look the fault's case up only when needed.
const faults: FaultCapture[] = [];
if (faultRuns.length > 0) {
  const faultCase = corpus.find((item) => item.name === FAULT_CASE);
  if (!faultCase) throw new Error(`the fault runs send ${FAULT_CASE}, which the corpus lacks`);
  for (const run of faultRuns) {
    const { capture, clientPorts } = await runFault(pipeline.id, run, faultCase);
    keep(`fault-${run.fault}`);
    faults.push(normaliseFaultCapture(capture, clientPorts));
  }
}
const labs: LabCapture[] = [];
if (pipeline.lab && labApps.length > 0) {
  const labCase = corpus.find((item) => item.name === FAULT_CASE);
  if (!labCase) throw new Error(`the lab runs send ${FAULT_CASE}, which the corpus lacks`);
  for (const app of labApps) {
    const { capture, clientPorts } = await runLabApp(pipeline.id, pipeline.lab, app, labCase);
    keep(`lab-${app}`);
    labs.push(normaliseFaultCapture(capture, clientPorts));
  }
}
writeFileSync(output, JSON.stringify({ captures, faults, labs }));

/** The REMOTE_PORT values the WSGI dumps of a case recorded. */
function peerPorts(result: CaseResult): number[] {
  return result.dumps.flatMap((dump) => {
    const environ = dump.content['environ'];
    if (!Array.isArray(environ)) return [];
    const port = (environ as [string, string][]).find(([name]) => name === 'REMOTE_PORT')?.[1];
    return port && /^\d+$/.test(port) ? [Number(port)] : [];
  });
}

/** The requests of a `--cases <file>` option. */
function readCasesFile(file: string): CorpusCase[] {
  const items = JSON.parse(readFileSync(file, 'utf8')) as { name: string; bytes: string; responses: number }[];
  return items.map((item) => ({
    name: item.name,
    bytes: Buffer.from(item.bytes, 'base64'),
    responses: item.responses,
  }));
}

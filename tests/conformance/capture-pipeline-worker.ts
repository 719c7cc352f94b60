/**
 * Runs inside the private namespaces that capture-pipelines.ts starts it in: captures every corpus
 * case through one pipeline and writes the captures as JSON to the given file.
 * Usage: node capture-pipeline-worker.ts <pipeline-id> <output.json> [--cases=<file.json> | ''] [case-name]
 * `--cases=` sends the requests of that file (`[{ name, bytes (base64), responses }]`) instead of the corpus.
 * HOP_KEEP_LOGS=<dir> copies each run's server logs there (they otherwise vanish with the namespace).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { buildCapture, type RunResults } from './build-capture.ts';
import { readCorpus, type CorpusCase } from './corpus.ts';
import { findPipeline } from './pipelines.ts';
import { runCases, type CaseResult } from './run-cases.ts';
import { SITE, SITE_DIRS } from './site-layout.ts';
import { normaliseCapture } from './volatile.ts';

const [pipelineId, output, casesOption, onlyCase] = process.argv.slice(2);
if (!pipelineId || !output)
  throw new Error("usage: capture-pipeline-worker.ts <pipeline-id> <output.json> [--cases=<file> | ''] [case]");
// Refuse to touch /srv unless it is the private tmpfs this namespace mounted over it.
if (!/ \/srv [^\n]* - tmpfs /.test(readFileSync('/proc/self/mountinfo', 'utf8'))) {
  throw new Error('/srv is not a private tmpfs: run this through capture-pipelines.ts');
}

const pipeline = findPipeline(pipelineId);
const cases = readCases(casesOption).filter((corpusCase) => !onlyCase || corpusCase.name === onlyCase);
const results: Partial<Record<string, CaseResult[]>> = {};
const keepLogs = process.env['HOP_KEEP_LOGS'];
for (const run of pipeline.runs) {
  results[run.name] = await runCases(pipeline.id, run, cases);
  // For debugging: HOP_KEEP_LOGS=<dir> keeps each run's server logs (they live in the namespace's tmpfs).
  if (keepLogs) cpSync(`${SITE.root}/${SITE_DIRS.log}`, `${keepLogs}/${pipeline.id}-${run.name}`, { recursive: true });
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
writeFileSync(output, JSON.stringify(captures));

/** The REMOTE_PORT values the WSGI dumps of a case recorded. */
function peerPorts(result: CaseResult): number[] {
  return result.dumps.flatMap((dump) => {
    const environ = dump.content['environ'];
    if (!Array.isArray(environ)) return [];
    const port = (environ as [string, string][]).find(([name]) => name === 'REMOTE_PORT')?.[1];
    return port && /^\d+$/.test(port) ? [Number(port)] : [];
  });
}

/** The corpus, or the cases of a `--cases=<file>` option. */
function readCases(option: string | undefined): CorpusCase[] {
  if (!option) return readCorpus();
  if (!option.startsWith('--cases=')) throw new Error(`capture-pipeline-worker.ts: unknown option "${option}"`);
  const items = JSON.parse(readFileSync(option.slice('--cases='.length), 'utf8')) as {
    name: string;
    bytes: string;
    responses: number;
  }[];
  return items.map((item) => ({
    name: item.name,
    bytes: Buffer.from(item.bytes, 'base64'),
    responses: item.responses,
  }));
}

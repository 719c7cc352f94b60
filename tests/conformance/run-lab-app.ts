import { readdirSync } from 'node:fs';
import type { CorpusCase } from './corpus.ts';
import type { LabRunSpec } from './pipelines.ts';
import { REPO_PATHS } from './repo-paths.ts';
import { runExchanges, type FaultExchange } from './run-fault.ts';

/** The lab's applications: every `tests/fixtures/lab/<name>.py`, by name, sorted. */
export const LAB_APPS: readonly string[] = readdirSync(REPO_PATHS.lab)
  .filter((file) => file.endsWith('.py'))
  .map((file) => file.slice(0, -'.py'.length))
  .sort();

/** What the real servers did with one lab application: `<pipeline>/lab/<app>.json`. */
export interface LabCapture {
  pipeline: string;
  /** The file of tests/fixtures/lab/ (without `.py`). */
  app: string;
  /** The corpus case sent (`FAULT_CASE`). */
  case: string;
  /** One request: the response and what each log file gained meanwhile (`file` is a path or `stderr`). */
  exchanges: FaultExchange[];
}

/** Run one lab application on a pipeline's servers (as a fault run does) and send the case once. */
export async function runLabApp(
  pipelineId: string,
  run: LabRunSpec,
  app: string,
  corpusCase: CorpusCase,
): Promise<{ capture: LabCapture; clientPorts: number[] }> {
  const { exchanges, clientPorts } = await runExchanges(
    pipelineId,
    {
      servers: run.servers,
      ...(run.cgiScript === undefined ? {} : { cgiScript: run.cgiScript }),
      writes: [{ replace: run.app, source: `${REPO_PATHS.lab}/${app}.py` }],
    },
    corpusCase,
    { requests: 1, slow: false },
  );
  return { capture: { pipeline: pipelineId, app, case: corpusCase.name, exchanges }, clientPorts };
}

/**
 * Send variants through the real servers with the suite's capture machinery (capture-pipelines.ts: each batch in
 * its own namespaces, every run of the pipeline's manifest entry). A pipeline's cases are cut into batches of at
 * most BATCH, and batches of every pipeline run side by side, so that one slow pipeline (a CGI script pauses
 * before its body) does not hold the rest up and no worker runs into its time limit.
 */
import type { Capture } from '../build-capture.ts';
import { capturePipelineCases, CONCURRENCY } from '../capture-pipelines.ts';
import type { CorpusCase } from '../corpus.ts';
import { findPipeline } from '../pipelines.ts';

const BATCH = 16;

/** The capture of each case, by pipeline id and case name. */
export type CapturedVariants = Map<string, Map<string, Capture>>;

export async function captureCases(
  casesByPipeline: ReadonlyMap<string, readonly CorpusCase[]>,
): Promise<CapturedVariants> {
  const captured: CapturedVariants = new Map([...casesByPipeline.keys()].map((id) => [id, new Map<string, Capture>()]));
  const jobs: { id: string; cases: readonly CorpusCase[] }[] = [];
  for (const [id, cases] of casesByPipeline)
    for (let from = 0; from < cases.length; from += BATCH) jobs.push({ id, cases: cases.slice(from, from + BATCH) });
  // The slowest pipelines' batches first: they are the ones that could finish last.
  jobs.sort((a, b) => runsOf(b.id) - runsOf(a.id));
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      for (const capture of await captureWithRetry(job.id, job.cases))
        captured.get(capture.pipeline)?.set(capture.case, capture);
    }
  });
  const failed = (await Promise.allSettled(workers)).find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return captured;
}

/**
 * One batch, tried again once when it fails: on a loaded machine a server may take longer than the launcher waits
 * for its port. After a second failure its cases have no capture, which the comparison reports for each of them
 * ("the real servers produced no capture"), and the reason goes to stderr: one bad batch does not end a long run.
 */
async function captureWithRetry(id: string, cases: readonly CorpusCase[]): Promise<Capture[]> {
  try {
    return await capturePipelineCases(findPipeline(id), cases);
  } catch {
    try {
      return await capturePipelineCases(findPipeline(id), cases);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${id}: a batch of ${cases.length} cases failed twice, left uncaptured: ${reason}\n`);
      return [];
    }
  }
}

/** How many times the pipeline's servers go through each case: a rough measure of its cost. */
function runsOf(id: string): number {
  return findPipeline(id).runs.length;
}

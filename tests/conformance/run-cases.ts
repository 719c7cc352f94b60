import type { CorpusCase } from './corpus.ts';
import { launchServer, type RunningServer } from './launch-server.ts';
import type { RunSpec } from './pipelines.ts';
import { prepareSite } from './prepare-site.ts';
import { freshSite } from './fresh-site.ts';
import { readDumps, type Dump } from './read-dumps.ts';
import { sendRawRequest, type Exchange } from './send-raw-request.ts';
import { SITE } from './site-layout.ts';

const EXCHANGE_TIMEOUT_MS = 2500;
const SETTLE_MS = 30;

/** What one case produced in one run: the client's exchange and the dumps written while it was current. */
export interface CaseResult {
  name: string;
  exchange: Exchange;
  dumps: Dump[];
}

/**
 * Start the run's servers once on a freshly built site, send every case in turn, stop the servers, and give
 * each case the dumps whose start time falls between its own start and the next case's start.
 */
export async function runCases(pipelineId: string, run: RunSpec, cases: readonly CorpusCase[]): Promise<CaseResult[]> {
  await freshSite();
  await prepareSite(pipelineId, run);
  const servers: RunningServer[] = [];
  const sent: { name: string; startedNs: bigint; exchange: Exchange }[] = [];
  try {
    for (const spec of run.servers) servers.push(await launchServer(spec));
    for (const corpusCase of cases) {
      const startedNs = process.hrtime.bigint();
      const exchange = await sendRawRequest(corpusCase.bytes, {
        port: SITE.port,
        responses: corpusCase.responses,
        timeoutMs: EXCHANGE_TIMEOUT_MS,
        settleMs: SETTLE_MS,
      });
      sent.push({ name: corpusCase.name, startedNs, exchange });
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
  const dumps = await readDumps();
  return sent.map((item, index) => {
    const nextStart = sent[index + 1]?.startedNs;
    const own = dumps.filter(
      (dump) => dump.startedNs >= item.startedNs && (nextStart === undefined || dump.startedNs < nextStart),
    );
    return { name: item.name, exchange: item.exchange, dumps: own };
  });
}

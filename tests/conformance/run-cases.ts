import { setTimeout as sleep } from 'node:timers/promises';
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
/**
 * After an exchange the client gave up on, the server may still act on the request once it sees the connection
 * close (http.server ends an HTTP/0.9 request's header section there and calls the application): the next case
 * waits this long, so that the dump is counted for the case that caused it, not for the next one.
 */
const AFTER_TIMEOUT_MS = 1000;

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
      if (exchange.ended === 'timeout') await sleep(AFTER_TIMEOUT_MS);
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

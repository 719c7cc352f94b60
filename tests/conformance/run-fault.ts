import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultId } from '../../src/sim/faults/fault-ids.ts';
import { describeResponse, type CapturedResponse } from './build-capture.ts';
import type { CorpusCase } from './corpus.ts';
import { launchServer, type RunningServer } from './launch-server.ts';
import type { FaultRunSpec } from './pipelines.ts';
import { prepareSite, type SiteRun } from './prepare-site.ts';
import { freshSite } from './fresh-site.ts';
import { markLogs, readLogsSince, type CapturedLogLine } from './read-logs.ts';
import { sendRawRequest } from './send-raw-request.ts';
import { SITE } from './site-layout.ts';
import { SLOW_APPLICATION_MS } from './fault-case.ts';

/** Longer than any timeout a fault run's configuration sets (1–2 s), so a server's own timeout answers first. */
const EXCHANGE_TIMEOUT_MS = 5000;
const SETTLE_MS = 30;
/**
 * The logs count as written once no file has grown for this long: start-up lines (uWSGI's workers, Gunicorn's boot)
 * must land before the first mark, and lines written after the response (Gunicorn booting a worker in place of the
 * one it killed, a traceback flushed) before the logs are read.
 */
const LOG_QUIET_MS = 500;
/**
 * After a response: short, so that a second request comes while a server still remembers the first failure
 * (lighttpd disables a backend that refused for `disable-time`, 1 s); after a timeout, long enough for Gunicorn's
 * arbiter to boot the replacement of the worker it killed (its loop wakes once a second).
 */
const LOG_QUIET_AFTER_RESPONSE_MS = 300;
const LOG_QUIET_AFTER_TIMEOUT_MS = 1200;
const LOG_POLL_MS = 50;
/** Give up waiting for quiet logs after this long (a server that logs without pause). */
const LOG_WAIT_MAX_MS = 4000;

/** One request of a fault run: what the client got and what the servers logged meanwhile. */
export interface FaultExchange {
  response: CapturedResponse;
  log: CapturedLogLine[];
}

/** What the real servers did when a fault was injected: `<pipeline>/faults/<fault>.json`. */
export interface FaultCapture {
  pipeline: string;
  fault: FaultId;
  /** The corpus case sent (the same bytes each time). */
  case: string;
  /** One per request sent, in order (a second one where the server remembers the first failure). */
  exchanges: FaultExchange[];
}

/** A fault capture before masking, with the client ports to mask. */
export interface RawFaultCapture {
  capture: FaultCapture;
  clientPorts: number[];
}

/**
 * Build the site for a fault run, start its servers, send the case `run.requests` times (one connection each, one
 * after the other), reading the lines every log file gained during each, and stop the servers.
 */
export async function runFault(
  pipelineId: string,
  run: FaultRunSpec,
  corpusCase: CorpusCase,
): Promise<RawFaultCapture> {
  const { exchanges, clientPorts } = await runExchanges(pipelineId, run, corpusCase, {
    requests: run.requests,
    slow: run.fault === 'app-timeout',
  });
  return { capture: { pipeline: pipelineId, fault: run.fault, case: corpusCase.name, exchanges }, clientPorts };
}

/**
 * Build the site (`site`, with what it writes over the dump application), start its servers, send the case
 * `requests` times, reading what each log file gained during each exchange, and stop the servers. `slow`: the
 * application answers late (wait for it before reading the logs).
 */
export async function runExchanges(
  pipelineId: string,
  site: SiteRun & { servers: FaultRunSpec['servers'] },
  corpusCase: CorpusCase,
  options: { requests: number; slow: boolean },
): Promise<{ exchanges: FaultExchange[]; clientPorts: number[] }> {
  await freshSite();
  await prepareSite(pipelineId, site);
  const servers: RunningServer[] = [];
  const exchanges: FaultExchange[] = [];
  const clientPorts: number[] = [];
  try {
    for (const spec of site.servers) servers.push(await launchServer(spec));
    await logsQuiet(LOG_QUIET_MS);
    for (let index = 0; index < options.requests; index += 1) {
      const marks = markLogs();
      const sentAt = Date.now();
      const exchange = await sendRawRequest(corpusCase.bytes, {
        port: SITE.port,
        responses: corpusCase.responses,
        timeoutMs: EXCHANGE_TIMEOUT_MS,
        settleMs: SETTLE_MS,
      });
      if (options.slow) {
        await sleep(Math.max(0, sentAt + SLOW_APPLICATION_MS - Date.now()));
        await logsQuiet(LOG_QUIET_AFTER_TIMEOUT_MS);
      } else await logsQuiet(LOG_QUIET_AFTER_RESPONSE_MS);
      clientPorts.push(exchange.clientPort);
      exchanges.push({ response: describeResponse(exchange), log: readLogsSince(marks) });
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
  return { exchanges, clientPorts };
}

/** Wait until no log file has grown for `quietMs`. */
async function logsQuiet(quietMs: number): Promise<void> {
  const started = Date.now();
  let sizes = JSON.stringify([...markLogs()]);
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() - started > LOG_WAIT_MAX_MS)
      throw new Error(`the server logs kept growing for ${LOG_WAIT_MAX_MS} ms`);
    await sleep(LOG_POLL_MS);
    const now = JSON.stringify([...markLogs()]);
    if (now !== sizes) [sizes, quietSince] = [now, Date.now()];
  }
}

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import type { FaultId } from '../../src/sim/faults/fault-ids.ts';
import type { Capture } from './build-capture.ts';
import type { CorpusCase } from './corpus.ts';
import type { FaultCapture } from './run-fault.ts';
import type { LabCapture } from './run-lab-app.ts';
import { PIPELINES, type PipelineSpec } from './pipelines.ts';

const run = promisify(execFile);
const WORKER = new URL('./capture-pipeline-worker.ts', import.meta.url).pathname;
/** Pipelines captured side by side. */
export const CONCURRENCY = 4;
/**
 * Folders given a private, empty tmpfs inside each namespace: the site itself, and the places where the
 * Debian builds keep runtime files whatever the configuration says (nginx's compiled-in temp paths under
 * /var/lib/nginx, Apache's default runtime dir), so that concurrent runs never share a file. A folder that
 * does not exist is left alone (nothing writes there then).
 */
const PRIVATE_DIRS = ['/srv', '/var/lib/nginx', '/run/apache2'] as const;
const WORKER_TIMEOUT_MS = 260_000;

/** Which pipelines, cases and faults to capture: with neither `caseName` nor `faults`, every case and every fault. */
export interface CaptureSelection {
  pipelines?: readonly string[];
  caseName?: string;
  faults?: readonly FaultId[];
  /** Lab applications to run (`all`: every one); with no selection at all, every one. */
  labs?: readonly string[];
  /** Other requests than the corpus for each pipeline (generated variants); `caseName` then picks among them. */
  cases?: (pipelineId: string) => readonly CorpusCase[];
}

/** The corpus captures and the fault captures of the selected pipelines, in the manifest's order. */
export interface CaptureResults {
  captures: Capture[];
  faults: FaultCapture[];
  labs: LabCapture[];
}

/**
 * Capture the corpus through the selected pipelines, each in its own private mount, network, pid and IPC namespace
 * (`unshare`): there a tmpfs over /srv holds the site and 127.0.0.1:8080/9000 are free, so nothing on the
 * machine is touched and pipelines run side by side. The worker is the namespace's init: when it exits, the
 * kernel ends whatever a server left behind (Apache children that block SIGTERM, for one).
 */
export async function capturePipelines(selection: CaptureSelection = {}): Promise<CaptureResults> {
  const chosen = PIPELINES.filter((pipeline) => !selection.pipelines || selection.pipelines.includes(pipeline.id));
  const results: CaptureResults[] = [];
  const queue = [...chosen.entries()];
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [index, pipeline] = next;
      results[index] = await captureOne(pipeline, selection);
    }
  });
  // Let every started pipeline finish (and clean up) before reporting the first failure.
  const failed = (await Promise.allSettled(workers)).find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return {
    captures: results.flatMap((result) => result.captures),
    faults: results.flatMap((result) => result.faults),
    labs: results.flatMap((result) => result.labs),
  };
}

/**
 * Capture the given requests (not the corpus, no faults) through one pipeline in its own namespaces. Batches of the
 * same pipeline may go side by side: each namespace has its own /srv and ports.
 */
export async function capturePipelineCases(pipeline: PipelineSpec, cases: readonly CorpusCase[]): Promise<Capture[]> {
  return (await captureOne(pipeline, { cases: () => cases })).captures;
}

async function captureOne(pipeline: PipelineSpec, selection: CaptureSelection): Promise<CaptureResults> {
  const dir = mkdtempSync(`${tmpdir()}/hop-capture-`);
  const output = `${dir}/${pipeline.id}.json`;
  const cases = selection.cases?.(pipeline.id);
  const casesFile = `${dir}/cases.json`;
  if (cases) writeFileSync(casesFile, serialiseCases(cases));
  const script = [
    'set -e',
    'ip link set lo up',
    ...PRIVATE_DIRS.map((dir) => `if [ -d ${dir} ]; then mount -t tmpfs -o mode=755 tmpfs ${dir}; fi`),
    'exec "$0" "$@"',
  ].join('; ');
  try {
    await run(
      'unshare',
      [
        '--mount',
        '--net',
        '--pid',
        '--ipc',
        '--fork',
        '--mount-proc',
        '--propagation',
        'private',
        'sh',
        '-c',
        script,
        process.execPath,
        WORKER,
        pipeline.id,
        output,
        ...(selection.caseName === undefined ? [] : ['--case', selection.caseName]),
        ...(cases ? ['--cases', casesFile] : []),
        ...(selection.faults ?? []).flatMap((fault) => ['--fault', fault]),
        ...(selection.labs ?? []).flatMap((app) => ['--lab', app]),
      ],
      {
        timeout: WORKER_TIMEOUT_MS,
        // The namespace's init ignores SIGTERM sent from outside; SIGKILL ends it and everything in it.
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return JSON.parse(readFileSync(output, 'utf8')) as CaptureResults;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`capturing ${pipeline.id} failed: ${detail}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Cases as the worker reads them with `--cases <file>`: JSON, the bytes in base64. */
function serialiseCases(cases: readonly CorpusCase[]): string {
  return JSON.stringify(
    cases.map(({ name, bytes, responses }) => ({ name, bytes: bytes.toString('base64'), responses })),
  );
}

/**
 * Hostile-input benchmark: runs the trace CLI on inputs a careless or hostile reader can send (many pipelined GETs,
 * a large POST, a long `?raw=` link's worth of GETs) and prints the wall time, the peak memory of the process and the
 * size of the JSON it prints. `HBH_BENCH_ROOT=<dir>` runs the CLI of another checkout (`<dir>/scripts/trace.ts`), so
 * the figures can be compared with an older commit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.env['HBH_BENCH_ROOT'] ?? fileURLToPath(new URL('..', import.meta.url)));
const preload = fileURLToPath(new URL('report-usage.ts', import.meta.url));
const encoder = new TextEncoder();
const GET = 'GET /app/ HTTP/1.1\r\nHost: example.test\r\nAccept: */*\r\n\r\n';

function post(size: number): Uint8Array {
  const head = encoder.encode(
    `POST /app/upload HTTP/1.1\r\nHost: example.test\r\nContent-Type: application/octet-stream\r\nContent-Length: ${size}\r\n\r\n`,
  );
  const bytes = new Uint8Array(head.length + size).fill(0x61);
  bytes.set(head);
  return bytes;
}

const cases: { label: string; pipeline: string; bytes: Uint8Array }[] = [
  { label: '1,000 pipelined GETs', pipeline: 'nginx-fastcgi-flup', bytes: encoder.encode(GET.repeat(1000)) },
  {
    label: '950 pipelined GETs (a 52 KB request, as in a ?raw= link)',
    pipeline: 'apache-modwsgi-embedded',
    bytes: encoder.encode(GET.repeat(950)),
  },
  { label: '10 MB POST', pipeline: 'nginx-fastcgi-flup', bytes: post(10_000_000) },
];

const dir = mkdtempSync(join(tmpdir(), 'hbh-bench-'));
try {
  console.log(`trace CLI of ${root}`);
  for (const { label, pipeline, bytes } of cases) {
    const request = join(dir, 'request.http');
    const output = join(dir, 'trace.json');
    const usage = join(dir, 'usage.txt');
    writeFileSync(request, bytes);
    writeFileSync(usage, '');
    const out = openSync(output, 'w');
    const start = performance.now();
    const run = spawnSync(
      process.execPath,
      ['--import', preload, join(root, 'scripts/trace.ts'), '--pipeline', pipeline, '--request', request],
      { stdio: ['ignore', out, 'pipe'], env: { ...process.env, HBH_USAGE_FILE: usage } },
    );
    const elapsed = performance.now() - start;
    closeSync(out);
    const rssKiB = Number(readFileSync(usage, 'utf8').trim() || 0);
    const status = run.status === 0 ? '' : `, exit ${run.status}: ${run.stderr.toString().trim().split('\n')[0]}`;
    console.log(
      `${label} (${bytes.length.toLocaleString('en')} bytes, ${pipeline}): ${elapsed.toFixed(0)} ms, ` +
        `peak ${(rssKiB / 1024).toFixed(0)} MiB, JSON ${statSync(output).size.toLocaleString('en')} bytes${status}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

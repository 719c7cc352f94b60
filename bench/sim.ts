/**
 * Simulator benchmark: traces per second for a typical GET and a 1 MB POST through nginx-fastcgi-flup, and the
 * time to trace the whole request corpus through every pipeline.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runPipeline, PIPELINE_IDS } from '../src/sim/index.ts';

const encoder = new TextEncoder();

function perSecond(label: string, work: () => void, minimumMs = 1000): void {
  for (let i = 0; i < 5; i++) work();
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minimumMs) {
    work();
    runs++;
    elapsed = performance.now() - start;
  }
  console.log(
    `${label}: ${Math.round((runs * 1000) / elapsed).toLocaleString('en')} traces/s (${(elapsed / runs).toFixed(3)} ms each)`,
  );
}

const get = encoder.encode(
  'GET /app/hello?name=ada HTTP/1.1\r\nHost: example.test\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n',
);
const body = new Uint8Array(1 << 20).fill(0x61);
const post = new Uint8Array([
  ...encoder.encode(
    `POST /app/upload HTTP/1.1\r\nHost: example.test\r\nContent-Type: application/octet-stream\r\nContent-Length: ${body.length}\r\n\r\n`,
  ),
  ...body,
]);

perSecond('nginx-fastcgi-flup, typical GET', () => runPipeline('nginx-fastcgi-flup', get));
perSecond('nginx-fastcgi-flup, 1 MB POST', () => runPipeline('nginx-fastcgi-flup', post));

const corpusDir = fileURLToPath(new URL('../tests/fixtures/requests/', import.meta.url));
if (existsSync(corpusDir)) {
  const corpus = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.http'))
    .map((f) => new Uint8Array(readFileSync(`${corpusDir}${f}`)));
  const start = performance.now();
  for (const id of PIPELINE_IDS) for (const request of corpus) runPipeline(id, request);
  const elapsed = performance.now() - start;
  console.log(
    `whole corpus (${corpus.length} requests × ${PIPELINE_IDS.length} pipelines = ${corpus.length * PIPELINE_IDS.length} traces): ${elapsed.toFixed(1)} ms`,
  );
} else {
  console.log('whole corpus: tests/fixtures/requests/ not found, skipped');
}

/**
 * Variant generator benchmark: variants generated per second (drawn and written as bytes), simulator traces per
 * second on them, and comparisons with the real servers per second (a small batch through every pipeline), which
 * needs root, `unshare` and the Debian servers: without them that figure is skipped with the reason printed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runPipeline } from '../src/sim/index.ts';
import { readCorpus } from '../tests/conformance/corpus.ts';
import { PIPELINES } from '../tests/conformance/pipelines.ts';
import { SERVER_PROGRAMS } from '../tests/conformance/server-programs.ts';
import { checkVariants } from '../tests/conformance/variants/check-variants.ts';
import { BASE_CASES, generateVariants } from '../tests/conformance/variants/generate-variants.ts';
import { readBases, variantBytes } from '../tests/conformance/variants/variant.ts';
import { COMMITTED_SEED } from '../tests/conformance/variants/variant-settings.ts';

const GENERATED = 20_000;
const TRACED_PER_PIPELINE = 100;
const REAL_PER_PIPELINE = 4;

const bases = readBases(readCorpus(), BASE_CASES);
let started = performance.now();
const variants = generateVariants({ seed: COMMITTED_SEED, count: GENERATED, label: 'bench', bases });
const requests = variants.map((variant) => variantBytes(variant, bases));
let seconds = (performance.now() - started) / 1000;
console.log(
  `generated: ${Math.round(GENERATED / seconds).toLocaleString('en')} variants/s (${GENERATED} in ${seconds.toFixed(2)} s)`,
);

started = performance.now();
for (const pipeline of PIPELINES)
  for (const request of requests.slice(0, TRACED_PER_PIPELINE)) runPipeline(pipeline.id, request, { app: 'dump' });
const traced = PIPELINES.length * TRACED_PER_PIPELINE;
seconds = (performance.now() - started) / 1000;
console.log(
  `simulated: ${Math.round(traced / seconds).toLocaleString('en')} traces/s (${traced} variants × pipelines in ${seconds.toFixed(2)} s)`,
);

const missing = whyNoRealServers();
if (missing) {
  console.log(`real servers: skipped (${missing})`);
} else {
  started = performance.now();
  const result = await checkVariants({ seeds: [COMMITTED_SEED], countPerPipeline: REAL_PER_PIPELINE, all: false });
  seconds = (performance.now() - started) / 1000;
  console.log(
    `real servers: ${(result.variants / seconds).toFixed(1)} comparisons/s (${result.variants} variants, ${PIPELINES.length} pipelines, ` +
      `${seconds.toFixed(1)} s with server starts, ${result.mismatches.length} mismatches)`,
  );
}

/** Why the real servers cannot run here, or undefined when they can. */
function whyNoRealServers(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root: the captures need private namespaces (unshare)';
  try {
    execFileSync('unshare', ['--version'], { stdio: 'ignore' });
  } catch {
    return '`unshare` is not installed';
  }
  const absent = Object.values(SERVER_PROGRAMS)
    .map((program) => program.command('/dev/null')[0] ?? '')
    .filter((command) => command.startsWith('/') && !existsSync(command));
  return absent.length > 0 ? `not installed: ${absent.join(', ')}` : undefined;
}

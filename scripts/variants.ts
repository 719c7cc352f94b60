/**
 * Run generated request variants through the real servers and the simulator, and print every mismatch shrunk.
 * Usage: node scripts/variants.ts [--seed <n>[,<n>…]] [--count <per pipeline>] [--pipeline <id>]... [--all]
 * [--list <file>]. Defaults: the committed seed and count (tests/conformance/variants/variant-settings.ts).
 * `--list` writes every mismatch (pipeline, variant, differences) as JSON lines. Exit code 1 on any mismatch.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkVariants, mismatchClass } from '../tests/conformance/variants/check-variants.ts';
import { describeVariant } from '../tests/conformance/variants/variant.ts';
import { readVariantSettings } from '../tests/conformance/variants/variant-settings.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    count: { type: 'string' },
    pipeline: { type: 'string', multiple: true },
    all: { type: 'boolean' },
    list: { type: 'string' },
  },
});
const settings = readVariantSettings({
  ...process.env,
  ...(values.seed ? { HOP_VARIANT_SEED: values.seed } : {}),
  ...(values.count ? { HOP_VARIANT_COUNT: values.count } : {}),
  ...(values.all ? { HOP_VARIANT_ALL: '1' } : {}),
});
const started = Date.now();
const result = await checkVariants(settings, values.pipeline);
if (values.list)
  writeFileSync(
    values.list,
    result.mismatches
      .map((mismatch) =>
        JSON.stringify({ class: mismatchClass(mismatch), request: describeVariant(mismatch.variant), ...mismatch }),
      )
      .join('\n'),
  );
const seconds = (Date.now() - started) / 1000;
process.stdout.write(
  `${result.printed}${result.printed ? '\n\n' : ''}${result.variants} variants (seeds ${settings.seeds.join(', ')}), ` +
    `${result.mismatches.length} mismatches (${result.confirmed.length} confirmed); real servers ${result.captureSeconds.toFixed(1)} s, ` +
    `${seconds.toFixed(1)} s in all (${(result.variants / result.captureSeconds).toFixed(1)} comparisons/s)\n`,
);
process.exitCode = result.confirmed.length === 0 ? 0 : 1;

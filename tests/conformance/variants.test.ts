import { expect, it } from 'vitest';
import { checkVariants } from './variants/check-variants.ts';
import { readVariantSettings } from './variants/variant-settings.ts';

/**
 * Generated request variants (tests/conformance/variants/): the committed seed, or HOP_VARIANT_SEED /
 * HOP_VARIANT_COUNT / HOP_VARIANT_ALL for longer runs. Each variant goes through the installed servers and the
 * simulator; any difference fails with the request shrunk to the smallest one that still differs.
 */
const settings = readVariantSettings();
// About a second per variant and pipeline at worst (a CGI script's pauses), on 4 workers, plus shrinking.
const timeout = Math.max(180_000, settings.seeds.length * settings.countPerPipeline * 18 * 250 + 300_000);

it(
  `generated variants (seed ${settings.seeds.join(',')}, ${settings.countPerPipeline} per pipeline): the simulator agrees with the installed servers`,
  async () => {
    const result = await checkVariants(settings);
    process.stdout.write(
      `variants: ${result.variants} through the real servers in ${result.captureSeconds.toFixed(1)} s, ${result.confirmed.length} mismatches\n`,
    );
    if (result.printed && !result.report) process.stdout.write(`${result.printed}\n`);
    expect(result.report, result.report).toBe('');
  },
  timeout,
);

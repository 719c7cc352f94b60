/**
 * How many variants the conformance suite runs, from which seed: the committed defaults, and the environment
 * variables that override them for longer runs (`HOP_VARIANT_SEED`, `HOP_VARIANT_COUNT` per pipeline,
 * `HOP_VARIANT_ALL=1` to draw the held-back values too).
 */
export const COMMITTED_SEED = 20261206;
export const DEFAULT_COUNT_PER_PIPELINE = 24;

export interface VariantSettings {
  seeds: number[];
  countPerPipeline: number;
  all: boolean;
}

/** The settings from the environment; `HOP_VARIANT_SEED` may list several seeds (`1,2,3`). */
export function readVariantSettings(env: NodeJS.ProcessEnv = process.env): VariantSettings {
  const seeds = (env['HOP_VARIANT_SEED'] ?? String(COMMITTED_SEED)).split(',').map((text) => {
    const seed = Number(text.trim());
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
      throw new Error(`HOP_VARIANT_SEED: "${text}" is not an integer from 0 to 4294967295`);
    return seed;
  });
  const count = Number(env['HOP_VARIANT_COUNT'] ?? DEFAULT_COUNT_PER_PIPELINE);
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`HOP_VARIANT_COUNT: "${env['HOP_VARIANT_COUNT']}" is not a whole number`);
  return { seeds, countPerPipeline: count, all: env['HOP_VARIANT_ALL'] === '1' };
}

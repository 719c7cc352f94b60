/**
 * The seeded variant generator: pure, deterministic for a seed and a label (one stream per pipeline), no clock,
 * no Math.random. Each variant is a base case of the corpus and one to three mutations along the axes where the
 * servers differ (see mutations.ts).
 */
import { heldBackArea, type HeldBack } from './held-back.ts';
import type { Mutation } from './mutation.ts';
import { AXES, MUTATION_KINDS } from './mutations.ts';
import { deriveSeed, Prng } from './prng.ts';
import type { RequestModel } from './request-model.ts';
import { variantModel, type Variant } from './variant.ts';

/** The corpus cases variants start from: well-formed requests of every shape (GET, POST, chunked, HEAD, 1.0…). */
export const BASE_CASES = [
  '01-get-app',
  '02-get-static',
  '03-query-utf8-path',
  '05-form-post',
  '07-repeated-headers',
  '11-chunked-body',
  '12-head-app',
  '14-http10-no-host',
  '30-custom-status-reason',
  '31-local-redirect',
  '38-empty-post',
  '44-host-with-port-uppercase',
  '50-post-static',
] as const;

export interface GenerateOptions {
  seed: number;
  /** Variants to make. */
  count: number;
  /** Names the stream (the pipeline id): another label, other variants from the same seed. */
  label: string;
  bases: ReadonlyMap<string, RequestModel>;
  /** Draw the values held back for others' open work too (held-back.ts). */
  all?: boolean;
  /** The held-back list (default: held-back.ts's). */
  heldBack?: readonly HeldBack[];
}

const MUTATION_COUNTS = [1, 1, 1, 1, 2, 2, 2, 3, 3] as const;

export function generateVariants(options: GenerateOptions): Variant[] {
  const rng = new Prng(deriveSeed(options.seed, options.label));
  const baseNames = [...options.bases.keys()];
  const kindsByAxis = new Map(AXES.map((axis) => [axis, [...MUTATION_KINDS.values()].filter((k) => k.axis === axis)]));
  return Array.from({ length: options.count }, (_unused, index) => {
    const variant: Variant = {
      name: `${options.label}-${options.seed}-${index}`,
      base: rng.pick(baseNames),
      mutations: [],
    };
    const wanted = rng.pick(MUTATION_COUNTS);
    for (let tries = 0; variant.mutations.length < wanted && tries < 20; tries++) {
      const kind = rng.pick(kindsByAxis.get(rng.pick(AXES)) ?? []);
      const model = variantModel(variant, options.bases);
      const mutation: Mutation = { kind: kind.kind, arg: kind.draw(rng, model) };
      if (!options.all && heldBackArea(mutation, model, options.heldBack) !== undefined) continue;
      variant.mutations.push(mutation);
    }
    return variant;
  });
}

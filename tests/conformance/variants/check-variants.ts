/**
 * Generate variants for each pipeline, send them through the real servers, compare the simulator with every
 * capture, and shrink one mismatch of each kind (same pipeline, same differing fields, same mutation kinds).
 */
import { readCorpus, type CorpusCase } from '../corpus.ts';
import { findPipeline, PIPELINES } from '../pipelines.ts';
import { captureCases } from './capture-variants.ts';
import { compareVariant, differingFields } from './compare-variant.ts';
import { formatMismatch } from './format-mismatch.ts';
import { BASE_CASES, generateVariants } from './generate-variants.ts';
import { shrinkMismatches, type Mismatch, type ShrunkMismatch } from './shrink-mismatches.ts';
import { readBases, variantBytes, variantCase, type Variant } from './variant.ts';
import type { VariantSettings } from './variant-settings.ts';

/** At most this many kinds of mismatch are shrunk in one run (each costs a few rounds on the real servers). */
const MAX_SHRUNK = 12;

export interface VariantCheck {
  variants: number;
  captureSeconds: number;
  mismatches: Mismatch[];
  /** The mismatches whose kind came back when sent again. */
  confirmed: Mismatch[];
  shrunk: ShrunkMismatch[];
  /** Every shrunk mismatch, printed (empty when every variant agreed). */
  printed: string;
  /** `printed` when a mismatch is confirmed, else empty: what fails the suite. */
  report: string;
}

export async function checkVariants(settings: VariantSettings, pipelineIds?: readonly string[]): Promise<VariantCheck> {
  const bases = readBases(readCorpus(), BASE_CASES);
  const pipelines = pipelineIds ? pipelineIds.map(findPipeline) : PIPELINES;
  const variants = new Map<string, Variant[]>(
    pipelines.map((pipeline) => [
      pipeline.id,
      settings.seeds.flatMap((seed) =>
        generateVariants({ seed, count: settings.countPerPipeline, label: pipeline.id, bases, all: settings.all }),
      ),
    ]),
  );
  const cases = new Map<string, CorpusCase[]>(
    [...variants].map(([id, list]) => [id, list.map((variant) => variantCase(variant, bases))]),
  );
  const started = Date.now();
  const captured = await captureCases(cases);
  const captureSeconds = (Date.now() - started) / 1000;
  const mismatches: Mismatch[] = [];
  for (const pipeline of pipelines)
    for (const variant of variants.get(pipeline.id) ?? []) {
      const capture = captured.get(pipeline.id)?.get(variant.name);
      const differences = compareVariant(pipeline, variantBytes(variant, bases), capture);
      if (differences.length > 0) mismatches.push({ pipeline: pipeline.id, variant, differences });
    }
  const classes = new Map<string, Mismatch[]>();
  for (const mismatch of mismatches) {
    const key = mismatchClass(mismatch);
    classes.set(key, [...(classes.get(key) ?? []), mismatch]);
  }
  const representatives = roundRobin([...classes.values()].map((members) => members[0] as Mismatch)).slice(
    0,
    MAX_SHRUNK,
  );
  const shrunk = await shrinkMismatches(representatives, bases);
  const sections = shrunk.map((item) =>
    formatMismatch(item, bases, (classes.get(mismatchClass(item.original))?.length ?? 1) - 1),
  );
  if (classes.size > MAX_SHRUNK) sections.push(`… and ${classes.size - MAX_SHRUNK} more kinds of mismatch, not shrunk`);
  const total = [...variants.values()].reduce((sum, list) => sum + list.length, 0);
  // A kind whose first variant agreed when sent again is a race in the capture (a server slower than the case's
  // time limit on a loaded machine), not a difference: it is printed but does not count.
  const unconfirmed = new Set(shrunk.filter((item) => !item.reproduced).map((item) => mismatchClass(item.original)));
  const confirmed = mismatches.filter((mismatch) => !unconfirmed.has(mismatchClass(mismatch)));
  const heading = `${mismatches.length} of ${total} variants differ (${classes.size} kinds, ${unconfirmed.size} not reproduced):`;
  const printed = mismatches.length === 0 ? '' : [heading, ...sections].join('\n\n');
  return {
    variants: total,
    captureSeconds,
    mismatches,
    confirmed,
    shrunk,
    printed,
    report: confirmed.length ? printed : '',
  };
}

/** Same pipeline, same differing fields, same mutation kinds: one kind of mismatch. */
export function mismatchClass(mismatch: Mismatch): string {
  const fields = [...differingFields(mismatch.differences)].sort().join(',');
  const kinds = [...new Set(mismatch.variant.mutations.map((mutation) => mutation.kind))].sort().join(',');
  return `${mismatch.pipeline} | ${fields} | ${kinds}`;
}

/** One mismatch of each pipeline in turn, so that the shrunk ones cover as many pipelines as they can. */
function roundRobin(mismatches: readonly Mismatch[]): Mismatch[] {
  const byPipeline = new Map<string, Mismatch[]>();
  for (const mismatch of mismatches)
    byPipeline.set(mismatch.pipeline, [...(byPipeline.get(mismatch.pipeline) ?? []), mismatch]);
  const queues = [...byPipeline.values()];
  const ordered: Mismatch[] = [];
  for (let index = 0; ordered.length < mismatches.length; index++)
    for (const queue of queues) {
      const next = queue[index];
      if (next) ordered.push(next);
    }
  return ordered;
}

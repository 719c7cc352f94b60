/**
 * Shrink differing variants: in each round, every candidate of every variant still being shrunk goes through the
 * real servers in one batch per pipeline, and the smallest candidate (in bytes) that still differs on at least one
 * of the same fields replaces the variant. Stops when no candidate is smaller and still differs, or after
 * MAX_ROUNDS. The variant itself runs again in the first round: a difference that does not come back is flaky.
 */
import type { CorpusCase } from '../corpus.ts';
import { findPipeline } from '../pipelines.ts';
import { captureCases } from './capture-variants.ts';
import { compareVariant, differingFields } from './compare-variant.ts';
import type { RequestModel } from './request-model.ts';
import { shrinkCandidates } from './shrink-candidates.ts';
import { variantBytes, variantCase, type Variant } from './variant.ts';

const MAX_ROUNDS = 6;

export interface Mismatch {
  pipeline: string;
  variant: Variant;
  differences: string[];
}

export interface ShrunkMismatch {
  original: Mismatch;
  /** The smallest variant found that still differs (the original when nothing smaller did). */
  shrunk: Mismatch;
  rounds: number;
  /** False when the original agreed when sent again. */
  reproduced: boolean;
}

export async function shrinkMismatches(
  mismatches: readonly Mismatch[],
  bases: ReadonlyMap<string, RequestModel>,
): Promise<ShrunkMismatch[]> {
  const states = mismatches.map((original) => ({
    original,
    shrunk: original,
    rounds: 0,
    reproduced: true,
    done: false,
  }));
  for (let round = 1; round <= MAX_ROUNDS && states.some((state) => !state.done); round++) {
    const tried = new Map<(typeof states)[number], Variant[]>();
    const byPipeline = new Map<string, CorpusCase[]>();
    for (const state of states.filter((each) => !each.done)) {
      const candidates = shrinkCandidates(state.shrunk.variant, bases).map((candidate) => ({
        ...candidate,
        name: `${candidate.name}r${round}`,
      }));
      if (round === 1) candidates.unshift({ ...state.original.variant, name: `${state.original.variant.name}~again` });
      tried.set(state, candidates);
      const list = byPipeline.get(state.shrunk.pipeline) ?? [];
      list.push(...candidates.map((candidate) => variantCase(candidate, bases)));
      byPipeline.set(state.shrunk.pipeline, list);
    }
    const captured = await captureCases(byPipeline);
    for (const [state, candidates] of tried) {
      const pipeline = findPipeline(state.shrunk.pipeline);
      const fields = differingFields(state.original.differences);
      const results = candidates.map((variant) => ({
        variant,
        bytes: variantBytes(variant, bases).length,
        differences: compareVariant(
          pipeline,
          variantBytes(variant, bases),
          captured.get(pipeline.id)?.get(variant.name),
        ),
      }));
      if (round === 1 && results[0]?.differences.length === 0) {
        Object.assign(state, { reproduced: false, done: true });
        continue;
      }
      const current = variantBytes(state.shrunk.variant, bases).length;
      const better = results
        .filter((result) => [...differingFields(result.differences)].some((field) => fields.has(field)))
        .filter((result) => result.bytes < current)
        .sort((a, b) => a.bytes - b.bytes || a.variant.mutations.length - b.variant.mutations.length)[0];
      state.rounds = round;
      if (!better) state.done = true;
      else state.shrunk = { pipeline: pipeline.id, variant: better.variant, differences: better.differences };
    }
  }
  return states.map(({ original, shrunk, rounds, reproduced }) => ({ original, shrunk, rounds, reproduced }));
}

import type { Prng } from './prng.ts';
import type { RequestModel } from './request-model.ts';

/** Where servers differ: the axes the generator varies a request along. */
export type Axis = 'target' | 'headers' | 'line-endings' | 'framing' | 'request-line';

/** One named change to a request: a kind and its argument (latin-1 text), printable as `kind(arg)`. */
export interface Mutation {
  kind: string;
  arg: string;
}

/** What a kind of mutation does: draws an argument, applies it, and offers smaller arguments for shrinking. */
export interface MutationKind {
  kind: string;
  axis: Axis;
  draw: (rng: Prng, model: RequestModel) => string;
  apply: (model: RequestModel, arg: string) => RequestModel;
  /** Arguments that make a smaller request, tried while shrinking (e.g. half the count). */
  smaller?: (arg: string) => string[];
}

/** Halve a count down to 1: the shrinker's candidates for numeric arguments. */
export function halves(arg: string): string[] {
  const value = Number(arg);
  if (!Number.isInteger(value) || value <= 1) return [];
  return [...new Set([1, Math.floor(value / 2)])].filter((next) => next < value).map(String);
}

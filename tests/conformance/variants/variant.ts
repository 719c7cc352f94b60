/** A request variant: a corpus case and the named mutations applied to it, in order. Printable and reproducible. */
import type { CorpusCase } from '../corpus.ts';
import { escapeBytes } from './escape-bytes.ts';
import type { Mutation } from './mutation.ts';
import { mutationKind } from './mutations.ts';
import { parseRequest, serialiseRequest, type RequestModel } from './request-model.ts';

export interface Variant {
  /** Unique within a run: `<pipeline>-<seed>-<index>`, or a shrink candidate's name. */
  name: string;
  base: string;
  mutations: Mutation[];
}

/** Apply a variant's mutations to its base case's model. */
export function variantModel(variant: Variant, bases: ReadonlyMap<string, RequestModel>): RequestModel {
  const base = bases.get(variant.base);
  if (!base) throw new Error(`variant ${variant.name}: unknown base case "${variant.base}"`);
  return variant.mutations.reduce((model, mutation) => mutationKind(mutation.kind).apply(model, mutation.arg), base);
}

/** The exact bytes of a variant. */
export function variantBytes(variant: Variant, bases: ReadonlyMap<string, RequestModel>): Buffer {
  return serialiseRequest(variantModel(variant, bases));
}

/** `03-query-utf8-path + path-percent(end:%2F) + framing(chunked)`, non-printable bytes escaped. */
export function describeVariant(variant: Variant): string {
  const mutations = variant.mutations.map((mutation) => ` + ${mutation.kind}(${escapeBytes(mutation.arg)})`);
  return `${variant.base}${mutations.join('')}`;
}

/** The variant as a case the capture machinery sends (one response expected). */
export function variantCase(variant: Variant, bases: ReadonlyMap<string, RequestModel>): CorpusCase {
  return { name: variant.name, bytes: variantBytes(variant, bases), responses: 1 };
}

/** The corpus cases the generator starts from, read into models. */
export function readBases(corpus: readonly CorpusCase[], names: readonly string[]): Map<string, RequestModel> {
  return new Map(
    names.map((name) => {
      const found = corpus.find((corpusCase) => corpusCase.name === name);
      if (!found) throw new Error(`base case "${name}" is not in the corpus`);
      return [name, parseRequest(found.bytes, name)];
    }),
  );
}

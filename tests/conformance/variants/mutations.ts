/** Every kind of mutation the generator draws from, by name. */
import { FRAMING_MUTATIONS } from './framing-mutations.ts';
import { HEADER_MUTATIONS } from './header-mutations.ts';
import { LINE_MUTATIONS } from './line-mutations.ts';
import type { Axis, MutationKind } from './mutation.ts';
import { TARGET_MUTATIONS } from './target-mutations.ts';

export const MUTATION_KINDS: ReadonlyMap<string, MutationKind> = new Map(
  [...TARGET_MUTATIONS, ...HEADER_MUTATIONS, ...LINE_MUTATIONS, ...FRAMING_MUTATIONS].map((kind) => [kind.kind, kind]),
);

export const AXES: readonly Axis[] = ['target', 'headers', 'line-endings', 'framing', 'request-line'];

/** The kind with this name, or an error naming the known ones. */
export function mutationKind(name: string): MutationKind {
  const kind = MUTATION_KINDS.get(name);
  if (!kind) throw new Error(`unknown mutation "${name}"; known: ${[...MUTATION_KINDS.keys()].join(', ')}`);
  return kind;
}

/**
 * Smaller requests to try in place of a variant that differs: each mutation dropped, each numeric argument
 * halved, the plainest base case, one header dropped, the body halved. Pure; the shrinker runs them.
 */
import type { Mutation } from './mutation.ts';
import { mutationKind } from './mutations.ts';
import type { RequestModel } from './request-model.ts';
import { variantModel, type Variant } from './variant.ts';

const PLAINEST_BASE = '01-get-app';

export function shrinkCandidates(variant: Variant, bases: ReadonlyMap<string, RequestModel>): Variant[] {
  const { mutations } = variant;
  const candidates: Mutation[][] = [];
  const bodies: { base: string; mutations: Mutation[] }[] = [];
  mutations.forEach((mutation, index) => {
    if (mutations.length > 1) candidates.push(mutations.filter((_unused, other) => other !== index));
    for (const arg of mutationKind(mutation.kind).smaller?.(mutation.arg) ?? [])
      candidates.push(mutations.map((each, other) => (other === index ? { ...each, arg } : each)));
  });
  if (variant.base !== PLAINEST_BASE && bases.has(PLAINEST_BASE))
    bodies.push({ base: PLAINEST_BASE, mutations: [...mutations] });
  const model = variantModel(variant, bases);
  const droppable = model.headers.filter((header) => header.raw === undefined);
  const drop = (names: readonly string[]): Mutation[] => names.map((name) => ({ kind: 'header-drop', arg: name }));
  const allButHost = droppable.map((header) => header.name).filter((name) => name.toLowerCase() !== 'host');
  if (allButHost.length > 1) candidates.push([...mutations, ...drop(allButHost)]);
  for (const header of droppable) candidates.push([...mutations, ...drop([header.name])]);
  if (model.payload.length > 1)
    candidates.push([...mutations, { kind: 'body-size', arg: String(Math.floor(model.payload.length / 2)) }]);
  return [...candidates.map((list) => ({ base: variant.base, mutations: list })), ...bodies].map((each, index) => ({
    name: `${variant.name}~${index}`,
    ...each,
  }));
}

/** A shrunk mismatch as the suite prints it: pipeline, variant, the request's escaped bytes, the differences. */
import { escapeBytes } from './escape-bytes.ts';
import type { RequestModel } from './request-model.ts';
import type { ShrunkMismatch } from './shrink-mismatches.ts';
import { describeVariant, variantBytes } from './variant.ts';

export function formatMismatch(item: ShrunkMismatch, bases: ReadonlyMap<string, RequestModel>, others: number): string {
  const { original, shrunk } = item;
  const [before, after] = [original.variant, shrunk.variant].map((variant) => variantBytes(variant, bases).length);
  const lines = [
    `✗ ${original.pipeline}: ${original.variant.name}${others > 0 ? ` (and ${others} more like it)` : ''}`,
    `  generated: ${describeVariant(original.variant)}`,
    item.reproduced
      ? `  shrunk:    ${describeVariant(shrunk.variant)} (${item.rounds} rounds, ${before} → ${after} bytes)`
      : '  NOT REPRODUCED: the same request agreed when sent again (a race in the real servers?)',
    `  request:   ${escapeBytes(variantBytes(shrunk.variant, bases).subarray(0, 2000))}`,
    '  differences:',
    ...shrunk.differences.map((difference) => `    ${difference}`),
  ];
  return lines.join('\n');
}

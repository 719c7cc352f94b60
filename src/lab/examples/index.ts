/** The lab's examples, by id, in the order the page offers them. */
import { BROKEN } from './broken.ts';
import { HELLO } from './hello.ts';
import type { LabExample, LabExampleId } from './lab-example.ts';
import { MIDDLEWARE_STACK } from './middleware-stack.ts';
import { PIG_LATIN } from './pig-latin.ts';
import { PREFIX_FIX } from './prefix-fix.ts';

export { LAB_EXAMPLE_IDS, type LabExample, type LabExampleId } from './lab-example.ts';

export const LAB_EXAMPLES: readonly LabExample[] = [HELLO, MIDDLEWARE_STACK, PREFIX_FIX, PIG_LATIN, BROKEN];

/** The example with that id (undefined for any other string). */
export function labExample(id: string): LabExample | undefined {
  return LAB_EXAMPLES.find((example) => example.id === (id as LabExampleId));
}

import { describe, expect, it } from 'vitest';
import { fill } from '../../../src/i18n/fill.ts';

describe('fill', () => {
  it('fills the slots it has values for and leaves the others', () => {
    expect(fill('Step {n} of {total}', { n: 2, total: 5 })).toBe('Step 2 of 5');
    expect(fill('line {n} {x}', { n: 3 })).toBe('line 3 {x}');
  });

  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty'])('leaves a {%s} slot as it is', (name) => {
    expect(fill(`a {${name}} b`, { n: 1 })).toBe(`a {${name}} b`);
  });
});

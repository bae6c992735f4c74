import { describe, expect, it } from 'vitest';
import { oneEditVariants } from '../../src/core/typos.ts';

describe('words one slip away', () => {
  it('covers a letter left out, added, changed, and two neighbours swapped', () => {
    const variants = new Set(oneEditVariants('keripk'));
    expect(variants.has('keripik')).toBe(true);
    expect(new Set(oneEditVariants('kerippik')).has('keripik')).toBe(true);
    expect(new Set(oneEditVariants('kerapik')).has('keripik')).toBe(true);
    expect(new Set(oneEditVariants('kerpiik')).has('keripik')).toBe(true);
    expect(variants.has('keripk')).toBe(false);
    expect(variants.size).toBeLessThan(400);
  });
});

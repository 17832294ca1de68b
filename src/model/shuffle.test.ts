import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchSlot, epochKey, hash32, shuffleDomain, shuffledIndex } from './shuffle';

function order(n: number, key: number): number[] {
  const domain = shuffleDomain(n);
  return Array.from({ length: n }, (_, p) => shuffledIndex(p, domain, key));
}

describe('shuffle', () => {
  it('hashes like the reference lowbias32', () => {
    // Values printed by the C reference with uint32_t arithmetic.
    expect(hash32(0)).toBe(0);
    expect(hash32(1)).toBe(0x688990c0);
    expect(hash32(0x12345678)).toBe(0xf5e71c96);
  });

  it('is a permutation of 0 … n − 1 for every n and key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 0xffffffff }), (n, key) => {
        const sorted = order(n, key).sort((a, b) => a - b);
        expect(sorted.every((v, i) => v === i)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('shuffles differently each epoch', () => {
    const a = order(100, epochKey(1, 0));
    const b = order(100, epochKey(1, 1));
    expect(a).not.toEqual(b);
    // Not the identity either: most positions move.
    expect(a.filter((v, i) => v === i).length).toBeLessThan(10);
  });

  it('schedules ⌈n / B⌉ batches an epoch with a short last batch', () => {
    expect(batchSlot(0, 10, 4)).toEqual({ epoch: 0, start: 0, count: 4 });
    expect(batchSlot(2, 10, 4)).toEqual({ epoch: 0, start: 8, count: 2 });
    expect(batchSlot(3, 10, 4)).toEqual({ epoch: 1, start: 0, count: 4 });
    expect(batchSlot(7, 10, 10)).toEqual({ epoch: 7, start: 0, count: 10 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchCount,
  batchSlot,
  epochKey,
  hash32,
  isMiniBatch,
  SHUFFLE_SEED,
  shuffleDomain,
  shuffledIndex,
} from './shuffle';

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

  it('works over the smallest power of 4 (two halves of equal bits) that holds n', () => {
    expect(shuffleDomain(1)).toEqual({ n: 1, halfBits: 1 });
    expect(shuffleDomain(4)).toEqual({ n: 4, halfBits: 1 });
    expect(shuffleDomain(5)).toEqual({ n: 5, halfBits: 2 });
    expect(shuffleDomain(16)).toEqual({ n: 16, halfBits: 2 });
    expect(shuffleDomain(17)).toEqual({ n: 17, halfBits: 3 });
  });

  it('gives the very orders that shaders/shuffle.wgsl gives', () => {
    // A regression fixture, printed once from this file: the WGSL kernel must produce these bit for bit, so any
    // change here (the rounds, the round keys, the cycle walk) has to be made there as well.
    expect(order(10, epochKey(SHUFFLE_SEED, 0))).toEqual([4, 7, 3, 1, 0, 6, 2, 8, 9, 5]);
    expect(order(10, epochKey(SHUFFLE_SEED, 1))).toEqual([5, 1, 9, 8, 6, 0, 2, 3, 7, 4]);
    // n = 16 fills its domain: no cycle walking, the Feistel network alone.
    expect(order(16, 0x12345678)).toEqual([0, 7, 14, 4, 1, 6, 15, 5, 12, 10, 2, 9, 13, 11, 3, 8]);
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

  it('reads mini-batches only for a batch size from 1 to n − 1', () => {
    expect([0, 1, 9, 10, 11].map((batchSize) => isMiniBatch(batchSize, 10))).toEqual([false, true, true, false, false]);
  });

  it('counts the samples a step reads: its batch’s, or all n for the full batch', () => {
    // n = 10, B = 4: batches of 4, 4 and 2.
    expect([0, 1, 2, 3].map((step) => batchCount(step, 10, 4))).toEqual([4, 4, 2, 4]);
    expect(batchCount(2, 10, 0)).toBe(10);
    expect(batchCount(2, 10, 10)).toBe(10);
  });
});

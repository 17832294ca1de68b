import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKeeping, keepingFrom, keepsStep, keptCount, keptStep } from './engine';

describe("a call's keeping of its steps", () => {
  it('keeps the steps that end on a history’s stride, counted from its first entry', () => {
    // A history from iteration 0 keeping every 4th; a call from iteration 10: step j ends at 11 + j.
    const keep = keepingFrom(0, 4, 10);
    const kept = Array.from({ length: 12 }, (_, j) => j).filter((j) => keepsStep(keep, j));
    expect(kept.map((j) => 11 + j)).toEqual([12, 16, 20]);
    expect(keptCount(keep, 12)).toBe(3);
    expect([0, 1, 2].map((m) => keptStep(keep, m))).toEqual(kept);
    // From an origin after the call's start (a history reset to a loaded model's iteration) too.
    expect(keepingFrom(7, 2, 3)).toEqual({ stride: 2, phase: 1 });
  });

  it('counts and lists exactly the steps it keeps, for any stride, phase and call', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.nat(63), fc.nat(300), (stride, p, steps) => {
        const keep = { stride, phase: p % stride };
        const kept = Array.from({ length: steps }, (_, j) => j).filter((j) => keepsStep(keep, j));
        expect(keptCount(keep, steps)).toBe(kept.length);
        expect(kept.map((_, m) => keptStep(keep, m))).toEqual(kept);
      }),
    );
  });

  it('keeps every step by default, and refuses a keeping that cannot be', () => {
    expect(keptCount({ stride: 1, phase: 0 }, 5)).toBe(5);
    expect(() => checkKeeping({ stride: 0, phase: 0 })).toThrow(RangeError);
    expect(() => checkKeeping({ stride: 4, phase: 4 })).toThrow(/phase from 0 to stride − 1/);
    expect(() => checkKeeping({ stride: 2.5, phase: 0 })).toThrow(RangeError);
    expect(() => checkKeeping(undefined)).not.toThrow();
  });
});

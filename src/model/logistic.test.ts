import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossEntropy, crossEntropyFromLogit, logistic, logisticDerivative, logOdds } from './logistic';

describe('logistic', () => {
  it('has the textbook values', () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(2)).toBeCloseTo(0.8807970779778823, 15);
    expect(logistic(-2)).toBeCloseTo(0.11920292202211755, 15);
    expect(logistic(1e4)).toBe(1);
    expect(logistic(-1e4)).toBe(0);
    expect(Number.isNaN(logistic(-1e4))).toBe(false);
  });

  it('is symmetric: σ(−z) = 1 − σ(z)', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        expect(logistic(-z)).toBeCloseTo(1 - logistic(z), 12);
      }),
    );
  });

  it('has the derivative σ(1 − σ), checked by central differences', () => {
    for (const z of [-6, -2, -0.5, 0, 0.3, 1, 4]) {
      const h = 1e-5;
      const numeric = (logistic(z + h) - logistic(z - h)) / (2 * h);
      expect(logisticDerivative(z)).toBeCloseTo(numeric, 9);
    }
    expect(logisticDerivative(0)).toBe(0.25);
  });

  it('is inverted by the log-odds', () => {
    for (const z of [-10, -3, -0.1, 0, 0.7, 5, 15]) {
      expect(logOdds(logistic(z))).toBeCloseTo(z, 8);
    }
  });
});

describe('cross-entropy', () => {
  it('agrees with the textbook form where that form is accurate', () => {
    // Beyond |z| ≈ 10 the textbook form loses digits to 1 − σ(z) cancelling.
    for (const t of [0, 1]) {
      for (const z of [-10, -3, -0.2, 0, 0.5, 2, 10]) {
        const textbook = crossEntropy(t, logistic(z));
        expect(Math.abs(crossEntropyFromLogit(t, z) - textbook)).toBeLessThan(1e-9 * Math.max(1, textbook));
      }
    }
    expect(crossEntropyFromLogit(1, 0)).toBeCloseTo(Math.LN2, 15);
  });

  it('stays finite and exact for logits of ±1e4', () => {
    // A confident right answer costs ~0; a confident wrong one costs |z|.
    expect(crossEntropyFromLogit(1, 1e4)).toBe(0);
    expect(crossEntropyFromLogit(0, -1e4)).toBe(0);
    expect(crossEntropyFromLogit(0, 1e4)).toBe(1e4);
    expect(crossEntropyFromLogit(1, -1e4)).toBe(1e4);
    // The textbook form breaks down exactly there.
    expect(crossEntropy(0, logistic(1e4))).toBe(Infinity);
  });

  it('is never negative and has derivative σ(z) − t', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.double({ min: -50, max: 50, noNaN: true }), (t, z) => {
        expect(crossEntropyFromLogit(t, z)).toBeGreaterThanOrEqual(0);
        const h = 1e-5;
        const numeric = (crossEntropyFromLogit(t, z + h) - crossEntropyFromLogit(t, z - h)) / (2 * h);
        expect(numeric).toBeCloseTo(logistic(z) - t, 6);
      }),
    );
  });
});

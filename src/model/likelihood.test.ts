import { describe, expect, it } from 'vitest';
import { LINE_SAMPLES, likelihoodOf } from './likelihood';
import { logistic } from './logistic';

describe('likelihoodOf', () => {
  it('is the product of each sample’s probability, and its log the sum of their logs', () => {
    const w = 1.3;
    const { probabilities, likelihood, logLikelihood } = likelihoodOf(LINE_SAMPLES, w);
    const expected = LINE_SAMPLES.map(({ x, t }) => (t === 1 ? logistic(w * x) : 1 - logistic(w * x)));
    probabilities.forEach((p, i) => {
      expect(p).toBeCloseTo(expected[i]!, 12);
    });
    expect(likelihood).toBeCloseTo(
      expected.reduce((a, b) => a * b, 1),
      12,
    );
    expect(logLikelihood).toBeCloseTo(
      expected.reduce((a, b) => a + Math.log(b), 0),
      12,
    );
  });

  it('has the lecture’s samples in order along the line, the classes overlapping in one pair', () => {
    // The figure draws a bar per sample in list order, so they go left to right: t = 0 on the left of 0,
    // t = 1 on the right, but for one pair either side of 0 that swap places.
    const xs = LINE_SAMPLES.map(({ x }) => x);
    xs.slice(1).forEach((x, i) => {
      expect(x).toBeGreaterThan(xs[i]!);
    });
    expect(xs.filter((x) => x < 0)).toHaveLength(3);
    expect(LINE_SAMPLES.map(({ t }) => t)).toEqual([0, 0, 1, 0, 1, 1]);
  });

  it('peaks at a finite w for samples that overlap', () => {
    const ws = Array.from({ length: 121 }, (_, k) => -2 + k * 0.1);
    const values = ws.map((w) => likelihoodOf(LINE_SAMPLES, w).likelihood);
    const best = values.indexOf(Math.max(...values));
    expect(best).toBeGreaterThan(0);
    expect(best).toBeLessThan(ws.length - 1);
  });
});

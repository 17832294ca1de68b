/**
 * The threshold's measures against hand-counted cases, and the ROC curve's
 * area against its definition counted pair by pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confusionAt, rocCurve, thresholdMeasures } from './roc';

// Six points: three of each class, one tie across the classes at 0.6.
const P = [0.9, 0.6, 0.3, 0.6, 0.2, 0.1];
const T = [1, 1, 1, 0, 0, 0];

describe('confusionAt', () => {
  it('predicts t = 1 at and above the threshold', () => {
    expect(confusionAt(P, T, 0.5)).toEqual({ truePositive: 2, falsePositive: 1, trueNegative: 2, falseNegative: 1 });
    // Exactly at a probability: that point is predicted 1.
    expect(confusionAt(P, T, 0.3)).toEqual({ truePositive: 3, falsePositive: 1, trueNegative: 2, falseNegative: 0 });
    expect(confusionAt(P, T, 0.95)).toEqual({ truePositive: 0, falsePositive: 0, trueNegative: 3, falseNegative: 3 });
    expect(confusionAt([], [], 0.5)).toEqual({ truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 });
  });
});

describe('thresholdMeasures', () => {
  it('gives precision, recall and F1 as counted by hand', () => {
    const m = thresholdMeasures({ truePositive: 2, falsePositive: 1, trueNegative: 2, falseNegative: 1 });
    expect(m.precision).toBeCloseTo(2 / 3, 15);
    expect(m.recall).toBeCloseTo(2 / 3, 15);
    expect(m.f1).toBeCloseTo(2 / 3, 15);
    const skewed = thresholdMeasures({ truePositive: 3, falsePositive: 1, trueNegative: 2, falseNegative: 0 });
    expect(skewed).toEqual({ precision: 0.75, recall: 1, f1: (2 * 0.75) / 1.75 });
  });

  it('says 0, never NaN, where nothing is predicted 1 or nothing is 1', () => {
    expect(thresholdMeasures({ truePositive: 0, falsePositive: 0, trueNegative: 3, falseNegative: 3 })).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
    });
    expect(thresholdMeasures({ truePositive: 0, falsePositive: 2, trueNegative: 1, falseNegative: 0 })).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
    });
  });
});

/** The AUC by its definition: over every pair of a 1 and a 0, 1 if the 1 scores higher, ½ for a tie. */
function pairwiseAuc(p: readonly number[], t: readonly number[]): number {
  let sum = 0;
  let pairs = 0;
  p.forEach((a, i) => {
    if (t[i] !== 1) return;
    p.forEach((b, j) => {
      if (t[j] !== 0) return;
      pairs++;
      sum += a > b ? 1 : a === b ? 0.5 : 0;
    });
  });
  return sum / pairs;
}

describe('rocCurve', () => {
  it('walks from (0, 0) to (1, 1), one point per distinct probability, a tie of both classes as one diagonal step', () => {
    const roc = rocCurve(P, T);
    expect(roc).toBeDefined();
    expect([...(roc?.falsePositiveRate ?? [])]).toEqual([0, 0, 1 / 3, 1 / 3, 2 / 3, 1]);
    expect([...(roc?.truePositiveRate ?? [])]).toEqual([0, 1 / 3, 2 / 3, 1, 1, 1]);
    // 7.5 of the 9 pairs ordered right (0.3 below the 0 at 0.6), the tie counting half.
    expect(roc?.auc).toBeCloseTo(7.5 / 9, 15);
  });

  it('is 1 for a perfect order, 0 for a reversed one and ½ when every point ties', () => {
    expect(rocCurve([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])?.auc).toBe(1);
    expect(rocCurve([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])?.auc).toBe(0);
    expect(rocCurve([0.5, 0.5, 0.5], [1, 0, 0])?.auc).toBe(0.5);
  });

  it('has no curve, and returns at once, where a diverged run left a probability NaN', () => {
    expect(rocCurve([0.2, Number.NaN, 0.7], [0, 1, 1])).toBeUndefined();
    expect(rocCurve([Number.NaN], [1])).toBeUndefined();
    // Probabilities that rounded to 0 or 1 are still in the order.
    expect(rocCurve([1, 0, 1, 0], [1, 0, 0, 1])?.auc).toBe(0.5);
  });

  it('has no curve when a class has no points', () => {
    expect(rocCurve([0.2, 0.7], [1, 1])).toBeUndefined();
    expect(rocCurve([0.2, 0.7], [0, 0])).toBeUndefined();
    expect(rocCurve([], [])).toBeUndefined();
  });

  it('has the area its definition gives, pair by pair, whatever the scores and ties', () => {
    const point = fc.tuple(
      fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
      fc.constantFrom(0, 1),
    );
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 40 }), (points) => {
        const p = points.map(([score]) => score);
        const t = points.map(([, target]) => target);
        const roc = rocCurve(p, t);
        if (!t.includes(0) || !t.includes(1)) {
          expect(roc).toBeUndefined();
          return;
        }
        expect(roc?.auc).toBeCloseTo(pairwiseAuc(p, t), 12);
        // Rates never fall along the curve, and it ends at (1, 1).
        const fpr = [...(roc?.falsePositiveRate ?? [])];
        const tpr = [...(roc?.truePositiveRate ?? [])];
        for (let k = 1; k < fpr.length; k++) {
          expect(fpr[k]).toBeGreaterThanOrEqual(fpr[k - 1] as number);
          expect(tpr[k]).toBeGreaterThanOrEqual(tpr[k - 1] as number);
        }
        expect([fpr.at(-1), tpr.at(-1)]).toEqual([1, 1]);
      }),
    );
  });

  it('puts the rates of every threshold on the curve', () => {
    const roc = rocCurve(P, T);
    for (const threshold of [0.05, 0.1, 0.2, 0.3, 0.6, 0.9, 0.95]) {
      const c = confusionAt(P, T, threshold);
      const x = c.falsePositive / 3;
      const y = c.truePositive / 3;
      const onCurve = [...(roc?.falsePositiveRate ?? [])].some((f, k) => f === x && roc?.truePositiveRate[k] === y);
      expect(onCurve, `threshold ${threshold}`).toBe(true);
    }
  });
});

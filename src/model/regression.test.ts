import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset';
import { FEATURES } from './features';
import { generateGaussians } from './gaussians';
import { crossEntropyFromLogit } from './logistic';
import {
  accuracy,
  confusion,
  cost,
  decisionLogit,
  errorCount,
  evaluate,
  gradient,
  gradientDescentStep,
  logit,
  modelOptions,
  type Params,
  penalty,
  reductionScale,
  sumSamples,
  type TrainingOptions,
  TUTORIAL_FORM,
} from './regression';
import { tutorialDataset } from './tutorial-data';
import { TUTORIAL_REFERENCE } from './tutorial-reference';

const R = TUTORIAL_REFERENCE;
const TUTORIAL: TrainingOptions = { ...modelOptions('sum'), learningRate: R.learningRate };
const W0: Params = { w: [R.start[0], R.start[1]], b: 0 };

function train(steps: number): Params[] {
  const data = tutorialDataset();
  const path = [W0];
  for (let i = 0; i < steps; i++) path.push(gradientDescentStep(data, path[i] as Params, TUTORIAL));
  return path;
}

describe('the tutorial, part 2', () => {
  it('has 40 points, 20 a class, red (t = 0) first', () => {
    const data = tutorialDataset();
    expect(data.targets.length).toBe(40);
    expect(Array.from(data.targets.slice(0, 20))).toEqual(Array(20).fill(0));
    expect(Array.from(data.targets.slice(20))).toEqual(Array(20).fill(1));
  });

  it('reproduces w(1), w(2), w(3) and w(10) to 1e-4', () => {
    const path = train(10);
    for (const [step, [w1, w2]] of Object.entries(R.path)) {
      const p = path[Number(step)] as Params;
      expect(Math.abs(p.w[0]! - w1), `w1 at step ${step}`).toBeLessThan(1e-4);
      expect(Math.abs(p.w[1]! - w2), `w2 at step ${step}`).toBeLessThan(1e-4);
      expect(p.b).toBe(0);
    }
  });

  it(`ends with summed cost ${R.cost10} and ${R.misclassified10} misclassified after 10 steps`, () => {
    const data = tutorialDataset();
    const w10 = train(10)[10] as Params;
    expect(cost(data, w10, modelOptions('sum'))).toBeCloseTo(R.cost10, 4);
    expect(errorCount(confusion(data, w10))).toBe(6);
    expect(accuracy(data, w10)).toBeCloseTo(34 / 40, 12);
  });

  it('lowers the cost at every step', () => {
    const data = tutorialDataset();
    const costs = train(10).map((p) => cost(data, p, modelOptions('sum')));
    for (let i = 1; i < costs.length; i++) expect(costs[i]).toBeLessThan(costs[i - 1] as number);
  });
});

describe('gradient', () => {
  const data = generateGaussians({ mean0: [-0.5, 0.3], mean1: [0.8, -0.2], std: 1.1, perClass: 37, seed: 7 });

  it('matches central finite differences for w and b, sum and mean', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.constantFrom('sum' as const, 'mean' as const),
        (w1, w2, b, reduction) => {
          const p = { w: [w1, w2], b };
          const g = gradient(data, p, modelOptions(reduction));
          const h = 1e-5;
          const d = (dp: Partial<Params>, dm: Partial<Params>) =>
            (cost(data, { ...p, ...dp }, modelOptions(reduction)) -
              cost(data, { ...p, ...dm }, modelOptions(reduction))) /
            (2 * h);
          const tol = reduction === 'sum' ? 1e-4 : 1e-6;
          expect(Math.abs(g.w[0]! - d({ w: [w1 + h, w2] }, { w: [w1 - h, w2] }))).toBeLessThan(tol);
          expect(Math.abs(g.w[1]! - d({ w: [w1, w2 + h] }, { w: [w1, w2 - h] }))).toBeLessThan(tol);
          expect(Math.abs(g.b - d({ b: b + h }, { b: b - h }))).toBeLessThan(tol);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('mean is sum divided by N', () => {
    const p = { w: [0.4, -1.3], b: 0.2 };
    const s = evaluate(data, p, modelOptions('sum'));
    const m = evaluate(data, p, modelOptions('mean'));
    expect(m.gradient.w[0]!).toBeCloseTo(s.gradient.w[0]! / 74, 12);
    expect(m.gradient.b).toBeCloseTo(s.gradient.b / 74, 12);
    expect(m.meanCost).toBeCloseTo(s.sumCost / 74, 12);
  });

  it('stays finite for logits of ±1e4', () => {
    const far = datasetFromRows([
      [1e4, 0, 0],
      [-1e4, 0, 1],
      [1e4, 0, 1],
    ]);
    const e = evaluate(far, { w: [1, 0], b: 0 }, modelOptions('sum'));
    expect(e.sumCost).toBe(2e4);
    expect(e.gradient.w[0]!).toBe(2e4);
    expect(e.gradient.b).toBe(0);
  });
});

describe('gradient descent step', () => {
  const data = datasetFromRows([
    [1, 2, 1],
    [-1, 0.5, 0],
  ]);

  it('moves b only with the bias on', () => {
    const p = { w: [0, 0], b: 0 };
    expect(gradientDescentStep(data, p, { ...TUTORIAL, bias: false }).b).toBe(0);
    // At w = 0, y = 0.5 everywhere: ∂/∂b = (0.5 − 1) + (0.5 − 0) = 0, so use a tilt.
    const tilted = { w: [0, 0], b: 1 };
    const next = gradientDescentStep(data, tilted, { ...TUTORIAL, bias: true });
    expect(next.b).toBeLessThan(1);
  });

  it('computes the confusion matrix', () => {
    const c = confusion(data, { w: [1, 0], b: 0 });
    expect(c).toEqual({ truePositive: 1, falsePositive: 0, trueNegative: 1, falseNegative: 0 });
    const flipped = confusion(data, { w: [-1, 0], b: 0 });
    expect(flipped).toEqual({ truePositive: 0, falsePositive: 1, trueNegative: 0, falseNegative: 1 });
  });

  it('predicts class 1 on the boundary itself, where z = 0 and σ(z) = 0.5', () => {
    // w = 0, b = 0 puts every point at z = 0: both are predicted t = 1, as in every kernel.
    const atZero = { w: [0, 0], b: 0 };
    expect(confusion(data, atZero)).toEqual({ truePositive: 1, falsePositive: 1, trueNegative: 0, falseNegative: 0 });
    expect(accuracy(data, atZero)).toBe(0.5);
  });
});

describe('reductions and empty data', () => {
  it('scales by 1/count for the mean and by 1 for the sum, and by 1 when there is nothing to average', () => {
    expect(reductionScale('mean', 4)).toBe(0.25);
    expect(reductionScale('sum', 4)).toBe(1);
    expect(reductionScale('mean', 0)).toBe(1);
  });

  it('gives an empty data set accuracy 0, not 0/0', () => {
    expect(accuracy(datasetFromRows([]), { w: [1, 0], b: 0 })).toBe(0);
  });
});

describe('features, the L2 penalty and the threshold', () => {
  const data = generateGaussians({ mean0: [-0.5, 0.3], mean1: [0.8, -0.2], std: 1.1, perClass: 23, seed: 11 });
  const ALL = modelOptions('sum', true, { features: FEATURES, l2: 0, threshold: 0.5 });
  const weights = fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: 7, maxLength: 7 });

  it('matches central finite differences of the penalised cost at d = 7, every weight and b, sum and mean', () => {
    fc.assert(
      fc.property(
        weights,
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.constantFrom('sum' as const, 'mean' as const),
        (w, b, l2, reduction) => {
          const options = { ...ALL, reduction, l2 };
          const p = { w, b };
          const g = gradient(data, p, options);
          const h = 1e-5;
          const slope = (shift: (q: number[], by: number) => Params) =>
            (cost(data, shift(w.slice(), h), options) - cost(data, shift(w.slice(), -h), options)) / (2 * h);
          const scale = Math.max(1, Math.abs(cost(data, p, options)));
          for (let j = 0; j < 7; j++) {
            const d = slope((q, by) => {
              q[j] = w[j]! + by;
              return { w: q, b };
            });
            expect(Math.abs(g.w[j]! - d), `∂/∂w${j + 1}`).toBeLessThan(1e-5 * scale);
          }
          expect(Math.abs(g.b - slope((q, by) => ({ w: q, b: b + by })))).toBeLessThan(1e-5 * scale);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('adds (λ/2)‖w‖² once under either reduction, never for b, and λw to the gradient', () => {
    const p = { w: [0.5, -1, 2, 0, 0.25, -0.5, 1], b: 3 };
    for (const reduction of ['sum', 'mean'] as const) {
      const plain = evaluate(data, p, { ...ALL, reduction });
      const penalised = evaluate(data, p, { ...ALL, reduction, l2: 0.4 });
      const squares = 0.25 + 1 + 4 + 0 + 0.0625 + 0.25 + 1;
      expect(penalised.sumCost - plain.sumCost).toBeCloseTo(0.2 * squares, 12);
      expect(penalised.meanCost - plain.meanCost).toBeCloseTo(0.2 * squares, 12);
      for (const [j, w] of p.w.entries())
        expect(penalised.gradient.w[j]! - plain.gradient.w[j]!).toBeCloseTo(0.4 * w, 12);
      expect(penalised.gradient.b).toBe(plain.gradient.b);
    }
    expect(penalty(p, 0)).toBe(0);
  });

  it('is the tutorial model, bit for bit, with the features x1, x2: z = x1·w1 + x2·w2 + b', () => {
    const p = { w: [1.25, -0.75], b: 0.5 };
    let sum = 0;
    for (let i = 0; i < data.targets.length; i++) {
      const z = data.points[2 * i]! * 1.25 + data.points[2 * i + 1]! * -0.75 + 0.5;
      sum += crossEntropyFromLogit(data.targets[i]!, z);
    }
    expect(evaluate(data, p, modelOptions('sum', true)).sumCost).toBe(sum);
    // x2 first is another model: the weights follow the features.
    const swapped = { ...TUTORIAL_FORM, features: ['x2', 'x1'] as const };
    expect(cost(data, { w: [-0.75, 1.25], b: 0.5 }, modelOptions('sum', true, swapped))).toBeCloseTo(sum, 12);
  });

  it('sums the tutorial model as the general feature map does: the same as x1, x2 and a third weight of 0', () => {
    // sumSamples takes a loop of its own for x1, x2; a third feature with weight 0 adds exactly 0 to every z
    // and leaves the general loop's first two sums as they are, so both must agree to the last bit.
    const coordinate = fc.double({ min: -50, max: 50, noNaN: true });
    const row = fc.tuple(coordinate, coordinate, fc.constantFrom<0 | 1>(0, 1));
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.tuple(coordinate, coordinate, coordinate),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (rows, [w1, w2, b], threshold) => {
          const sample = datasetFromRows(rows);
          const narrow = sumSamples(sample, { w: [w1, w2], b }, { ...TUTORIAL_FORM, threshold });
          const wide = sumSamples(
            sample,
            { w: [w1, w2, 0], b },
            { ...TUTORIAL_FORM, threshold, features: ['x1', 'x2', 'x1*x2'] },
          );
          expect(narrow.cost).toBe(wide.cost);
          expect(narrow.gradient.w).toEqual(wide.gradient.w.slice(0, 2));
          expect(narrow.gradient.b).toBe(wide.gradient.b);
          expect(narrow.confusion).toEqual(wide.confusion);
        },
      ),
    );
  });

  it('computes z from the features: x1² + x2² − 1 is the unit circle', () => {
    const circle = { w: [1, 1], b: -1 };
    const form = { ...TUTORIAL_FORM, features: ['x1^2', 'x2^2'] as const };
    expect(logit(circle, form.features, 0, 0)).toBe(-1);
    expect(logit(circle, form.features, 3, 4)).toBe(24);
    const ring = datasetFromRows([
      [0, 0.5, 0],
      [0.3, -0.2, 0],
      [2, 0, 1],
      [-1.5, 1.5, 1],
    ]);
    expect(accuracy(ring, circle, form)).toBe(1);
    expect(() => logit(circle, ['x1'], 1, 1)).not.toThrow();
    expect(() => evaluate(ring, circle, modelOptions('sum'))).not.toThrow();
    expect(() => evaluate(ring, { w: [1, 1, 1], b: 0 }, modelOptions('sum'))).toThrow(/3 weights for 2 features/);
  });

  it('predicts class 1 from σ(z) ≥ threshold: its logit is the cut, 0 for 0.5', () => {
    expect(decisionLogit(0.5)).toBe(0);
    expect(decisionLogit(0.9)).toBeCloseTo(Math.log(9), 12);
    const line = datasetFromRows([
      [-2, 0, 0],
      [-0.5, 0, 0],
      [0.5, 0, 1],
      [1, 0, 1],
      [3, 0, 1],
    ]);
    const p = { w: [1, 0], b: 0 };
    // σ(z) ≥ 0.8 ⇔ z ≥ ln 4 ≈ 1.386: only x = 3 is called class 1.
    const strict = confusion(line, p, { ...TUTORIAL_FORM, threshold: 0.8 });
    expect(strict).toEqual({ truePositive: 1, falsePositive: 0, trueNegative: 2, falseNegative: 2 });
    // σ(z) ≥ 0.2 ⇔ z ≥ −1.386: −0.5 becomes a false positive.
    const loose = confusion(line, p, { ...TUTORIAL_FORM, threshold: 0.2 });
    expect(loose).toEqual({ truePositive: 3, falsePositive: 1, trueNegative: 1, falseNegative: 0 });
  });
});

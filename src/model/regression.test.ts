import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset';
import { generateGaussians } from './gaussians';
import {
  accuracy,
  confusion,
  cost,
  errorCount,
  evaluate,
  gradient,
  gradientDescentStep,
  type Params,
  reductionScale,
  type TrainingOptions,
} from './regression';
import { tutorialDataset } from './tutorial-data';
import { TUTORIAL_REFERENCE } from './tutorial-reference';

const R = TUTORIAL_REFERENCE;
const TUTORIAL: TrainingOptions = { learningRate: R.learningRate, bias: false, reduction: 'sum' };
const W0: Params = { w1: R.start[0], w2: R.start[1], b: 0 };

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
      expect(Math.abs(p.w1 - w1), `w1 at step ${step}`).toBeLessThan(1e-4);
      expect(Math.abs(p.w2 - w2), `w2 at step ${step}`).toBeLessThan(1e-4);
      expect(p.b).toBe(0);
    }
  });

  it(`ends with summed cost ${R.cost10} and ${R.misclassified10} misclassified after 10 steps`, () => {
    const data = tutorialDataset();
    const w10 = train(10)[10] as Params;
    expect(cost(data, w10, 'sum')).toBeCloseTo(R.cost10, 4);
    expect(errorCount(confusion(data, w10))).toBe(6);
    expect(accuracy(data, w10)).toBeCloseTo(34 / 40, 12);
  });

  it('lowers the cost at every step', () => {
    const data = tutorialDataset();
    const costs = train(10).map((p) => cost(data, p, 'sum'));
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
          const p = { w1, w2, b };
          const g = gradient(data, p, reduction);
          const h = 1e-5;
          const d = (dp: Partial<Params>, dm: Partial<Params>) =>
            (cost(data, { ...p, ...dp }, reduction) - cost(data, { ...p, ...dm }, reduction)) / (2 * h);
          const tol = reduction === 'sum' ? 1e-4 : 1e-6;
          expect(Math.abs(g.w1 - d({ w1: w1 + h }, { w1: w1 - h }))).toBeLessThan(tol);
          expect(Math.abs(g.w2 - d({ w2: w2 + h }, { w2: w2 - h }))).toBeLessThan(tol);
          expect(Math.abs(g.b - d({ b: b + h }, { b: b - h }))).toBeLessThan(tol);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('mean is sum divided by N', () => {
    const p = { w1: 0.4, w2: -1.3, b: 0.2 };
    const s = evaluate(data, p, 'sum');
    const m = evaluate(data, p, 'mean');
    expect(m.gradient.w1).toBeCloseTo(s.gradient.w1 / 74, 12);
    expect(m.gradient.b).toBeCloseTo(s.gradient.b / 74, 12);
    expect(m.meanCost).toBeCloseTo(s.sumCost / 74, 12);
  });

  it('stays finite for logits of ±1e4', () => {
    const far = datasetFromRows([
      [1e4, 0, 0],
      [-1e4, 0, 1],
      [1e4, 0, 1],
    ]);
    const e = evaluate(far, { w1: 1, w2: 0, b: 0 }, 'sum');
    expect(e.sumCost).toBe(2e4);
    expect(e.gradient.w1).toBe(2e4);
    expect(e.gradient.b).toBe(0);
  });
});

describe('gradient descent step', () => {
  const data = datasetFromRows([
    [1, 2, 1],
    [-1, 0.5, 0],
  ]);

  it('moves b only with the bias on', () => {
    const p = { w1: 0, w2: 0, b: 0 };
    expect(gradientDescentStep(data, p, { ...TUTORIAL, bias: false }).b).toBe(0);
    // At w = 0, y = 0.5 everywhere: ∂/∂b = (0.5 − 1) + (0.5 − 0) = 0, so use a tilt.
    const tilted = { w1: 0, w2: 0, b: 1 };
    const next = gradientDescentStep(data, tilted, { ...TUTORIAL, bias: true });
    expect(next.b).toBeLessThan(1);
  });

  it('computes the confusion matrix', () => {
    const c = confusion(data, { w1: 1, w2: 0, b: 0 });
    expect(c).toEqual({ truePositive: 1, falsePositive: 0, trueNegative: 1, falseNegative: 0 });
    const flipped = confusion(data, { w1: -1, w2: 0, b: 0 });
    expect(flipped).toEqual({ truePositive: 0, falsePositive: 1, trueNegative: 0, falseNegative: 1 });
  });

  it('predicts class 1 on the boundary itself, where z = 0 and σ(z) = 0.5', () => {
    // w = 0, b = 0 puts every point at z = 0: both are predicted t = 1, as in every kernel.
    const atZero = { w1: 0, w2: 0, b: 0 };
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
    expect(accuracy(datasetFromRows([]), { w1: 1, w2: 0, b: 0 })).toBe(0);
  });
});

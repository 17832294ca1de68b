import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset';
import { generateGaussians, TUTORIAL_GAUSSIANS } from './gaussians';
import { cost, gradientDescentStep } from './regression';
import { curvatureBound, safeLearningRate } from './step-bound';
import { tutorialDataset } from './tutorial-data';

describe('safeLearningRate', () => {
  it('is the closed form on a diagonal case', () => {
    // Σ x xᵀ = diag(2·9, 2·1): λmax = 18, L = 4.5.
    const data = datasetFromRows([
      [3, 0, 0],
      [-3, 0, 1],
      [0, 1, 0],
      [0, -1, 1],
    ]);
    expect(curvatureBound(data, false, 'sum')).toBeCloseTo(4.5, 9);
    expect(curvatureBound(data, false, 'mean')).toBeCloseTo(4.5 / 4, 9);
    expect(safeLearningRate(data, false, 'sum')).toBeCloseTo(2 / 4.5, 9);
  });

  it("leaves the tutorial's η = 0.05 inside the safe range, and N times more room for the mean", () => {
    const data = tutorialDataset();
    const sum = safeLearningRate(data, false, 'sum');
    expect(sum).toBeGreaterThan(0.05);
    expect(safeLearningRate(data, false, 'mean')).toBeCloseTo(sum * 40, 9);
  });

  it('shrinks with N for the summed cost', () => {
    const small = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 100 });
    const large = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 100_000 });
    expect(safeLearningRate(large, false, 'sum')).toBeLessThan(safeLearningRate(small, false, 'sum') / 500);
  });

  it('is safe: a step below it never raises the cost', () => {
    const data = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 50, seed: 3 });
    const w = fc.double({ min: -20, max: 20, noNaN: true });
    fc.assert(
      fc.property(
        w,
        w,
        w,
        fc.boolean(),
        fc.constantFrom('sum' as const, 'mean' as const),
        (w1, w2, b, bias, reduction) => {
          const learningRate = 0.99 * safeLearningRate(data, bias, reduction);
          const params = { w1, w2, b: bias ? b : 0 };
          const next = gradientDescentStep(data, params, { learningRate, bias, reduction });
          expect(cost(data, next, reduction)).toBeLessThanOrEqual(cost(data, params, reduction) * (1 + 1e-12) + 1e-12);
        },
      ),
    );
  });
});

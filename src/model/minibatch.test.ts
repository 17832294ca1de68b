import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset';
import { generateGaussians, TUTORIAL_GAUSSIANS } from './gaussians';
import { batchGradient } from './minibatch';
import { accuracy, cost, evaluate, modelOptions } from './regression';
import { batchSlot, epochKey, SHUFFLE_SEED, shuffleDomain, shuffledIndex } from './shuffle';

describe('batchGradient', () => {
  it('is the gradient, cost and accuracy of exactly the samples its slot of the shuffle names', () => {
    const data = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 50, seed: 4 });
    const n = data.targets.length;
    const domain = shuffleDomain(n);
    const params = { w: [0.7, -0.3], b: 0.2 };
    for (const step of [0, 3, 7]) {
      const slot = batchSlot(step, n, 16);
      const key = epochKey(SHUFFLE_SEED, slot.epoch);
      const rows = Array.from({ length: slot.count }, (_, k) => {
        const i = shuffledIndex(slot.start + k, domain, key);
        return [data.points[2 * i]!, data.points[2 * i + 1]!, data.targets[i] as 0 | 1] as const;
      });
      const subset = datasetFromRows(rows);
      const batch = batchGradient(data, params, modelOptions('mean'), slot, domain, key);
      const expected = evaluate(subset, params, modelOptions('mean'));
      expect(batch.gradient.w[0]!).toBeCloseTo(expected.gradient.w[0]!, 12);
      expect(batch.gradient.b).toBeCloseTo(expected.gradient.b, 12);
      expect(batch.cost).toBeCloseTo(cost(subset, params, modelOptions('mean')), 12);
      expect(batch.accuracy).toBe(accuracy(subset, params));
      // The summed cost is the batch's scaled up to all n samples.
      const summed = batchGradient(data, params, modelOptions('sum'), slot, domain, key);
      expect(summed.cost).toBeCloseTo((cost(subset, params, modelOptions('sum')) * n) / slot.count, 9);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset';
import { FEATURES, type Feature } from './features';
import { hessian } from './hessian';
import { gradient, modelOptions, type Params } from './regression';

describe('the Hessian', () => {
  const coordinate = fc.double({ min: -2, max: 2, noNaN: true });
  const rows = fc.array(fc.tuple(coordinate, coordinate, fc.constantFrom<0 | 1>(0, 1)), {
    minLength: 3,
    maxLength: 25,
  });

  it('is the derivative of the gradient: central differences at d = 7, sum and mean, with λ and b', () => {
    fc.assert(
      fc.property(
        rows,
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        fc.constantFrom('sum' as const, 'mean' as const),
        fc.boolean(),
        (data, values, reduction, bias) => {
          const set = datasetFromRows(data);
          const features: readonly Feature[] = FEATURES;
          const options = modelOptions(reduction, bias, { features, l2: 0.3, threshold: 0.5 });
          const params: Params = { w: values.slice(0, 7), b: values[7]! };
          const h = hessian(set, params, options);
          const size = bias ? 8 : 7;
          expect(h).toHaveLength(size);
          const flat = (g: Params) => (bias ? [...g.w, g.b] : g.w);
          const shifted = (j: number, e: number): Params =>
            j < 7 ? { ...params, w: params.w.map((w, k) => (k === j ? w + e : w)) } : { ...params, b: params.b + e };
          const e = 1e-5;
          for (let j = 0; j < size; j++) {
            const up = flat(gradient(set, shifted(j, e), options));
            const down = flat(gradient(set, shifted(j, -e), options));
            for (let r = 0; r < size; r++) {
              const numeric = (up[r]! - down[r]!) / (2 * e);
              expect(Math.abs(h[r]![j]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('is symmetric, adds λ on the weights only, and scales by 1/N for the mean', () => {
    const set = datasetFromRows([
      [1, 2, 0],
      [-1, 0.5, 1],
      [0.3, -0.7, 1],
      [2, 1, 0],
    ]);
    const params = { w: [0.2, -0.4], b: 0.1 };
    const plain = hessian(set, params, modelOptions('sum', true));
    const penalised = hessian(
      set,
      params,
      modelOptions('sum', true, { features: ['x1', 'x2'], l2: 2, threshold: 0.5 }),
    );
    const mean = hessian(set, params, modelOptions('mean', true));
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        expect(plain[r]![c]).toBe(plain[c]![r]);
        expect(penalised[r]![c]! - plain[r]![c]!).toBeCloseTo(r === c && r < 2 ? 2 : 0, 12);
        expect(mean[r]![c]).toBeCloseTo(plain[r]![c]! / 4, 12);
      }
    }
    expect(plain[2]![2]).toBeGreaterThan(0);
    expect(hessian(set, params, modelOptions('sum', false))).toHaveLength(2);
  });
});

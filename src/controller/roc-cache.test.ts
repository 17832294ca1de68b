import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../model/dataset';
import { generateShape } from '../model/shapes';
import type { Run } from '../session/training-session';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { ROC_SAMPLES, RocCache } from './roc-cache';
import { MEASURE_INTERVAL_MS } from './run-throttle';

function run(data: Run['data'], w: number[], b: number, version = 1): Run {
  const confusion = { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 };
  const params = { w, b };
  return {
    dataVersion: version,
    data,
    test: undefined,
    settings: DEFAULT_SETTINGS,
    iteration: 0,
    evaluation: { params, sumCost: 0, meanCost: 0, confusion, gradient: params },
    history: [],
    engine: 'cpu',
  };
}

describe('the ROC curve of the run', () => {
  const data = datasetFromRows([
    [-2, 0, 0],
    [-1, 0, 1],
    [0.5, 0, 0],
    [1, 0, 1],
    [2, 0, 1],
  ]);

  it('ranks the samples by the model: AUC is the share of (class 1, class 0) pairs in the right order', () => {
    // z = x1: the class-1 scores −1, 1, 2 against class 0's −2, 0.5: 5 of the 6 pairs in order.
    const view = new RocCache().of(run(data, [1, 0], 0), false);
    expect(view?.curve.auc).toBeCloseTo(5 / 6, 12);
    expect([view?.visited, view?.n]).toEqual([5, 5]);
    // The other direction of w turns it round.
    expect(new RocCache().of(run(data, [-1, 0], 0), false)?.curve.auc).toBeCloseTo(1 / 6, 12);
  });

  it('is computed once per run, and while playing no more often than every MEASURE_INTERVAL_MS on the same data', () => {
    let now = 0;
    const cache = new RocCache(() => now);
    const first = run(data, [1, 0], 0);
    const a = cache.of(first, true);
    expect(cache.of(first, true)).toBe(a);
    // Another run on the same data a moment later, while playing: the last curve stands.
    now = MEASURE_INTERVAL_MS - 1;
    expect(cache.of(run(data, [-1, 0], 0), true)).toBe(a);
    // Once the interval has passed, or Play stops, or the data change: computed again.
    now = MEASURE_INTERVAL_MS;
    expect(cache.of(run(data, [-1, 0], 0), true)?.curve.auc).toBeCloseTo(1 / 6, 12);
    expect(cache.of(run(data, [1, 0], 0), false)?.curve.auc).toBeCloseTo(5 / 6, 12);
    expect(cache.of(run(data, [-1, 0], 0, 2), true)?.curve.auc).toBeCloseTo(1 / 6, 12);
  });

  it('is none for one class, and an estimate from every k-th sample of large data', () => {
    const one = datasetFromRows([
      [0, 0, 1],
      [1, 1, 1],
    ]);
    expect(new RocCache().of(run(one, [1, 0], 0), false)).toBeUndefined();
    const large = generateShape('circle', { perClass: ROC_SAMPLES, seed: 1, noise: 0.3 });
    const view = new RocCache().of(run(large, [0.1, -0.2], 0), false);
    expect(view?.n).toBe(2 * ROC_SAMPLES);
    expect(view?.visited).toBe(ROC_SAMPLES);
    // A line cannot rank a circle: about chance.
    expect(Math.abs((view?.curve.auc ?? 0) - 0.5)).toBeLessThan(0.05);
  });
});

import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../model/dataset';
import type { Run } from '../session/training-session';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { MEASURE_INTERVAL_MS } from './run-throttle';
import { TestMeasureCache } from './test-measures';

const test = datasetFromRows([
  [-2, 0, 0],
  [1, 0, 0],
  [2, 0, 1],
  [3, 0, 1],
]);

function run(iteration: number, w1: number, options: { version?: number; l2?: number; withTest?: boolean } = {}): Run {
  const params = { w: [w1, 0], b: 0 };
  return {
    dataVersion: options.version ?? 1,
    data: test,
    test: options.withTest === false ? undefined : test,
    settings: { ...DEFAULT_SETTINGS, l2: options.l2 ?? 0 },
    iteration,
    evaluation: {
      params,
      sumCost: 0,
      meanCost: 0,
      confusion: { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 },
      gradient: params,
    },
    history: [],
    engine: 'cpu',
  };
}

const xi = (t: number, z: number) => Math.log(1 + Math.exp(z)) - t * z;

describe('the test set measured beside the run', () => {
  it('is the mean cost, penalised as training is, and the accuracy at the threshold', () => {
    const m = new TestMeasureCache().of(run(3, 1, { l2: 0.5 }), false);
    // z = x1: −2, 1, 2, 3 for t = 0, 0, 1, 1; the point at 1 is called class 1 wrongly.
    const mean = (xi(0, -2) + xi(0, 1) + xi(1, 2) + xi(1, 3)) / 4;
    expect(m?.cost).toBeCloseTo(mean + 0.25, 12);
    expect(m?.accuracy).toBe(0.75);
    // Every class-1 point scores above every class-0 one: the test set's AUC is 1.
    expect(m?.roc?.auc).toBe(1);
    expect([m?.samples, m?.visited, m?.iteration]).toEqual([4, 4, 3]);
    expect(new TestMeasureCache().of(run(0, 1, { withTest: false }), false)).toBeUndefined();
  });

  it('keeps a history since the run started, begun anew by a reset or new data, measured no more than the throttle allows', () => {
    let now = 0;
    const cache = new TestMeasureCache(() => now);
    cache.of(run(0, 0), true);
    now = MEASURE_INTERVAL_MS;
    cache.of(run(10, 0.5), true);
    // Too soon while playing: the last measure stands, the history holds two.
    now += 1;
    expect(cache.of(run(11, 0.6), true)?.iteration).toBe(10);
    expect(cache.history.map((m) => m.iteration)).toEqual([0, 10]);
    // Back to w(0): a new history.
    now += MEASURE_INTERVAL_MS;
    cache.of(run(0, 0), false);
    expect(cache.history.map((m) => m.iteration)).toEqual([0]);
    cache.of(run(5, 0.2), false);
    cache.of(run(0, 0, { version: 2 }), false);
    expect(cache.history.map((m) => m.iteration)).toEqual([0]);
  });
});

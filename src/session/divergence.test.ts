import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { DivergenceWatch, divergence } from './divergence';
import type { HistoryEntry } from './history';

const entry = (
  iteration: number,
  loss: number,
  w1 = 1,
  measuredOn: HistoryEntry['measuredOn'] = 'all',
): HistoryEntry => ({
  iteration,
  params: { w1, w2: 0, b: 0 },
  loss,
  accuracy: 0.5,
  measuredOn,
});

describe('divergence', () => {
  it('is quiet while the cost falls or wobbles', () => {
    expect(
      divergence([entry(0, 200), entry(1, 100), entry(2, 30), entry(3, 40)], DEFAULT_SETTINGS, 40),
    ).toBeUndefined();
    expect(divergence([], DEFAULT_SETTINGS, 40)).toBeUndefined();
  });

  it('stops on non-finite numbers', () => {
    const why = divergence([entry(0, 10), entry(1, Number.NaN)], DEFAULT_SETTINGS, 40);
    expect(why).toMatch(/diverged at iteration 1: the numbers overflowed/);
    expect(why).toMatch(/try 0.005/);
  });

  it('stops on exploding weights', () => {
    expect(divergence([entry(0, 10), entry(1, 5, 2e6)], DEFAULT_SETTINGS, 40)).toMatch(/weights passed 1e\+6/);
  });

  it('stops when the cost shoots far above its best, and suggests the mean for large N', () => {
    const why = divergence([entry(0, 100), entry(1, 20), entry(2, 500)], DEFAULT_SETTINGS, 10_000);
    expect(why).toMatch(/cost rose from 20.0 to 500/);
    expect(why).toMatch(/switch the cost to "mean"/);
  });

  it('calls nothing diverging that is still below where the run started, however far above its best', () => {
    // A step that overshoots the valley: ten times its best, yet less than at w(0).
    expect(divergence([entry(0, 1000), entry(1, 10), entry(2, 200)], DEFAULT_SETTINGS, 40)).toBeUndefined();
    expect(divergence([entry(0, 100), entry(1, 10), entry(2, 200)], DEFAULT_SETTINGS, 40)).toMatch(/diverging/);
  });

  it('compares costs over all the data only: a lucky mini-batch is not a best the run rose from', () => {
    const lucky = [entry(0, 100), entry(1, 2, 1, 'batch'), entry(2, 30, 1, 'batch'), entry(3, 150)];
    expect(divergence(lucky, DEFAULT_SETTINGS, 40)).toBeUndefined();
    // Weights are weights, whatever the cost was measured on.
    expect(divergence([entry(0, 10), entry(1, 5, 2e6, 'batch')], DEFAULT_SETTINGS, 40)).toMatch(/weights passed/);
  });

  it('suggests a rate that the data allow, not just a tenth', () => {
    const why = divergence(
      [entry(0, 10), entry(1, Number.NaN)],
      { ...DEFAULT_SETTINGS, learningRate: 5 },
      2000,
      0.0017,
    );
    expect(why).toMatch(/try 0.0017\)/);
    expect(divergence([entry(0, 10), entry(1, Number.NaN)], DEFAULT_SETTINGS, 40, 1)).toMatch(/try 0.005\)/);
    expect(divergence([entry(0, 10), entry(1, Number.NaN)], DEFAULT_SETTINGS, 40, 1e-60)).toMatch(/try 1e-6\)/);
  });

  it('compares like with like: a cost measured before points were added is not one the run rose from', () => {
    const watch = new DivergenceWatch();
    const before = [entry(0, 200), entry(1, 100), entry(2, 30), entry(3, 14.5)];
    expect(watch.check({ dataVersion: 0, iteration: 3, history: before }, DEFAULT_SETTINGS, 40)).toBeUndefined();
    // 80 points added at iteration 3 (its cost measured again, on 120 points), then a step that lowers it.
    const after = [...before.slice(0, 3), entry(3, 382), entry(4, 350)];
    expect(divergence(after, DEFAULT_SETTINGS, 120)).toMatch(/diverging/);
    expect(watch.check({ dataVersion: 1, iteration: 4, history: after }, DEFAULT_SETTINGS, 120)).toBeUndefined();
    // A run that really blows up on the new data is still stopped.
    const blowing = [...after, entry(5, 900), entry(6, 4000)];
    expect(watch.check({ dataVersion: 1, iteration: 6, history: blowing }, DEFAULT_SETTINGS, 120)).toMatch(/diverging/);
    // After a reset the history starts again, and all of it counts.
    const reset = [entry(0, 500), entry(1, 20), entry(2, 600)];
    expect(watch.check({ dataVersion: 1, iteration: 2, history: reset }, DEFAULT_SETTINGS, 120)).toMatch(/diverging/);
  });
});

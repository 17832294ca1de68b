import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { DivergenceWatch, divergence, rateAdvice } from './divergence';
import type { HistoryEntry } from './history';

const entry = (
  iteration: number,
  loss: number,
  w1 = 1,
  measuredOn: HistoryEntry['measuredOn'] = 'all',
): HistoryEntry => ({
  iteration,
  params: { w: [w1, 0], b: 0 },
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

describe('divergence at its edges', () => {
  it('looks at the last iteration, however long the history', () => {
    expect(divergence([entry(0, 10), entry(1, 9), entry(2, Number.NaN)], DEFAULT_SETTINGS, 40)).toMatch(
      /diverged at iteration 2: the numbers overflowed/,
    );
  });

  it('stops for weights beyond the limit, not at it', () => {
    expect(divergence([entry(0, 10), entry(1, 5, 1e6)], DEFAULT_SETTINGS, 40)).toBeUndefined();
    expect(divergence([entry(0, 10), entry(1, 5, -1.000001e6)], DEFAULT_SETTINGS, 40)).toMatch(/weights passed/);
  });

  it('calls a cost diverging only above ten times its best and above where the run started', () => {
    // Exactly ten times the best, above the start: not yet.
    expect(divergence([entry(0, 50), entry(1, 10), entry(2, 100)], DEFAULT_SETTINGS, 40)).toBeUndefined();
    expect(divergence([entry(0, 50), entry(1, 10), entry(2, 100.001)], DEFAULT_SETTINGS, 40)).toMatch(/diverging/);
    // Back exactly where it started, far above its best: not diverging.
    expect(divergence([entry(0, 200), entry(1, 10), entry(2, 200)], DEFAULT_SETTINGS, 40)).toBeUndefined();
  });

  it('says nothing of a cost when no iteration was measured on all the data', () => {
    expect(divergence([entry(0, 10, 1, 'batch'), entry(1, 1e9, 1, 'batch')], DEFAULT_SETTINGS, 40)).toBeUndefined();
  });
});

describe('DivergenceWatch', () => {
  it('keeps comparing with the whole run while the data stay the same', () => {
    const watch = new DivergenceWatch();
    const early = [entry(0, 100), entry(1, 10), entry(2, 90), entry(3, 95)];
    expect(watch.check({ dataVersion: 0, iteration: 3, history: early }, DEFAULT_SETTINGS, 40)).toBeUndefined();
    // The best (10) was before the last check, and still counts.
    const later = [...early, entry(4, 150)];
    expect(watch.check({ dataVersion: 0, iteration: 4, history: later }, DEFAULT_SETTINGS, 40)).toMatch(/diverging/);
  });

  it('counts the iteration an edit re-measured, and nothing before it', () => {
    const watch = new DivergenceWatch();
    const before = [entry(0, 200), entry(1, 100), entry(2, 30), entry(3, 14.5)];
    expect(watch.check({ dataVersion: 0, iteration: 3, history: before }, DEFAULT_SETTINGS, 40)).toBeUndefined();
    // Points added at iteration 3: its cost measured again, on the new data, far above the old best.
    const edited = [...before.slice(0, 3), entry(3, 382)];
    expect(watch.check({ dataVersion: 1, iteration: 3, history: edited }, DEFAULT_SETTINGS, 120)).toBeUndefined();
    // From that re-measured cost, a step that shoots ten times above it diverges.
    const blown = [...edited, entry(4, 3900)];
    expect(watch.check({ dataVersion: 1, iteration: 4, history: blown }, DEFAULT_SETTINGS, 120)).toMatch(/diverging/);
  });
});

describe('rateAdvice, the one rule for what to suggest when η is too large', () => {
  const sum = DEFAULT_SETTINGS;
  const mean = { ...DEFAULT_SETTINGS, reduction: 'mean' as const };
  const diverged = { kind: 'diverged' } as const;

  it('after a divergence: a tenth of η, or less where 2/L says so, never below the smallest η', () => {
    expect(rateAdvice(sum, 40, Number.POSITIVE_INFINITY, diverged).rate).toBe(0.005);
    expect(rateAdvice({ ...sum, learningRate: 5 }, 2000, 0.0017, diverged).rate).toBe(0.0017);
    expect(rateAdvice(sum, 40, 1, diverged).rate).toBe(0.005);
    expect(rateAdvice(sum, 40, 1e-60, diverged).rate).toBe(1e-6);
    // Two digits: 2/L = 0.012345 is said as 0.012.
    expect(rateAdvice({ ...sum, learningRate: 1 }, 40, 0.012345, diverged).rate).toBe(0.012);
  });

  it('after a divergence: the mean cost for a summed cost over more than 100 points', () => {
    expect(rateAdvice(sum, 10_000, Number.POSITIVE_INFINITY, diverged).mean).toBe(true);
    expect(rateAdvice(sum, 101, Number.POSITIVE_INFINITY, diverged).mean).toBe(true);
    expect(rateAdvice(sum, 100, Number.POSITIVE_INFINITY, diverged).mean).toBe(false);
    expect(rateAdvice(mean, 10_000, Number.POSITIVE_INFINITY, diverged).mean).toBe(false);
  });

  it('before any step: η at most 2/L, and the mean cost when η is within its 2/L', () => {
    const eta10 = { ...sum, learningRate: 10 };
    expect(rateAdvice(eta10, 40, 0.1, { kind: 'before-training', safeMean: 4 })).toEqual({
      eta: 10,
      rate: 0.1,
      mean: false,
    });
    expect(rateAdvice(eta10, 40, 0.1, { kind: 'before-training', safeMean: 10 }).mean).toBe(true);
    expect(rateAdvice({ ...mean, learningRate: 10 }, 40, 0.1, { kind: 'before-training', safeMean: 10 }).mean).toBe(
      false,
    );
    expect(rateAdvice(eta10, 40, 0.012345, { kind: 'before-training', safeMean: 1 }).rate).toBe(0.012);
    expect(rateAdvice(eta10, 40, 1e-9, { kind: 'before-training', safeMean: 1 }).rate).toBe(1e-6);
  });

  it('is what the divergence sentence suggests', () => {
    const settings = { ...DEFAULT_SETTINGS, learningRate: 5 };
    const { rate, mean: useMean } = rateAdvice(settings, 2000, 0.0017, diverged);
    const why = divergence([entry(0, 10), entry(1, Number.NaN)], settings, 2000, 0.0017);
    expect(why).toContain(`try ${rate})`);
    expect(useMean).toBe(true);
    expect(why).toContain('switch the cost to "mean"');
  });
});

import { describe, expect, it } from 'vitest';
import { candidateWorkgroups, measureWorkgroups, sizeBucket, smallNWorkgroups, TuningCache } from './dispatch-tuner';

describe('dispatch tuner', () => {
  it('offers powers of two up to one invocation per sample', () => {
    expect(candidateWorkgroups(1, 65535, 256)).toEqual([1]);
    expect(candidateWorkgroups(257, 65535, 256)).toEqual([1, 2]);
    expect(candidateWorkgroups(1_000_000, 65535, 256).at(-1)).toBe(2048);
    expect(candidateWorkgroups(1_000_000, 65535, 64).at(-1)).toBe(4096);
    expect(candidateWorkgroups(1e8, 65535, 256).at(-1)).toBe(4096);
    expect(candidateWorkgroups(1e8, 100, 256).at(-1)).toBe(64);
  });

  it('keeps the fastest and stops once times climb past twice the best', async () => {
    // A CPU-like curve: best at 4, much slower beyond.
    const ms: Record<number, number> = { 1: 40, 2: 22, 4: 18, 8: 30, 16: 45, 32: 90 };
    const tried: number[] = [];
    const tuning = await measureWorkgroups([1, 2, 4, 8, 16, 32, 64], async (w) => {
      tried.push(w);
      return ms[w] ?? 1000;
    });
    expect(tuning.workgroups).toBe(4);
    expect(tried).toEqual([1, 2, 4, 8, 16]);
    expect(tuning.trials.map((t) => t.msPerStep)).toEqual([40, 22, 18, 30, 45]);
  });

  it('finds a GPU-like optimum at the top of the range', async () => {
    const tuning = await measureWorkgroups([1, 2, 4, 8, 16, 32], async (w) => 100 / w);
    expect(tuning.workgroups).toBe(32);
  });

  it('caches per adapter, path and size bucket', () => {
    const cache = new TuningCache();
    const key = cache.key('swiftshader', 'subgroup', 1_000_000);
    cache.set(key, { workgroups: 4, trials: [], source: 'measured' });
    expect(cache.get(cache.key('swiftshader', 'subgroup', 900_000))?.workgroups).toBe(4);
    expect(cache.get(cache.key('swiftshader', 'subgroup', 100_000))).toBeUndefined();
    expect(cache.get(key)?.source).toBe('cache');
    expect(sizeBucket(4)).toBe(1);
    expect(smallNWorkgroups(40)).toBe(1);
    expect(smallNWorkgroups(10_000)).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { classCounts } from './data-summary';
import { type GaussianSettings, generateGaussians, generateGaussiansInSlices, TUTORIAL_GAUSSIANS } from './gaussians';

const SETTINGS: GaussianSettings = { mean0: [-1.5, 0.5], mean1: [2, -1], std: 0.7, perClass: 100_000, seed: 42 };

/** Sample mean and std of class t along one axis. */
function moments(settings: GaussianSettings, t: 0 | 1, axis: 0 | 1): { mean: number; std: number } {
  const data = generateGaussians(settings);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < data.targets.length; i++) {
    if (data.targets[i] !== t) continue;
    const v = data.points[2 * i + axis]!;
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / settings.perClass;
  return { mean, std: Math.sqrt(sumSq / settings.perClass - mean * mean) };
}

describe('two-Gaussian generator', () => {
  it('is deterministic per seed', () => {
    const a = generateGaussians({ ...TUTORIAL_GAUSSIANS, seed: 3 });
    const b = generateGaussians({ ...TUTORIAL_GAUSSIANS, seed: 3 });
    const c = generateGaussians({ ...TUTORIAL_GAUSSIANS, seed: 4 });
    expect(Array.from(a.points)).toEqual(Array.from(b.points));
    expect(Array.from(a.points)).not.toEqual(Array.from(c.points));
  });

  it('writes perClass points of class 0, then of class 1', () => {
    const data = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 13 });
    expect(classCounts(data)).toEqual([13, 13]);
    expect(data.targets[12]).toBe(0);
    expect(data.targets[13]).toBe(1);
  });

  it('matches the requested means and std within sampling error', () => {
    // Standard error of a mean over 1e5 draws: σ/√n ≈ 0.0022; of a std: σ/√(2n) ≈ 0.0016. Allow 5 of them.
    const seMean = SETTINGS.std / Math.sqrt(SETTINGS.perClass);
    const seStd = SETTINGS.std / Math.sqrt(2 * SETTINGS.perClass);
    const targets = [SETTINGS.mean0, SETTINGS.mean1] as const;
    for (const t of [0, 1] as const) {
      for (const axis of [0, 1] as const) {
        const { mean, std } = moments(SETTINGS, t, axis);
        expect(Math.abs(mean - targets[t][axis]), `mean of class ${t}, axis ${axis}`).toBeLessThan(5 * seMean);
        expect(Math.abs(std - SETTINGS.std), `std of class ${t}, axis ${axis}`).toBeLessThan(5 * seStd);
      }
    }
  });

  it('rejects settings it cannot honour', () => {
    expect(() => generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 0 })).toThrow(/Samples per class/);
    expect(() => generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 2.5 })).toThrow(/Samples per class/);
    expect(() => generateGaussians({ ...TUTORIAL_GAUSSIANS, std: 0 })).toThrow(/standard deviation/);
    expect(() => generateGaussians({ ...TUTORIAL_GAUSSIANS, std: Number.NaN })).toThrow(/standard deviation/);
    expect(() => generateGaussians({ ...TUTORIAL_GAUSSIANS, mean1: [Infinity, 0] })).toThrow(/means/);
    expect(() => generateGaussians({ ...TUTORIAL_GAUSSIANS, seed: 0.5 })).toThrow(/seed/);
  });

  it('draws the same points in slices, reporting progress, and stops when cancelled', async () => {
    const settings = { ...TUTORIAL_GAUSSIANS, perClass: 1234, seed: 7 };
    const progress: number[] = [];
    const sliced = await generateGaussiansInSlices(settings, {
      slice: 500,
      pause: async () => undefined,
      onProgress: (f) => progress.push(f),
    });
    const whole = generateGaussians(settings);
    expect(sliced?.points).toEqual(whole.points);
    expect(sliced?.targets).toEqual(whole.targets);
    expect(progress).toEqual([500 / 2468, 1000 / 2468, 1500 / 2468, 2000 / 2468, 1]);
    let pauses = 0;
    const cancelled = await generateGaussiansInSlices(settings, {
      slice: 500,
      pause: async () => {
        pauses++;
      },
      cancelled: () => pauses >= 2,
    });
    expect(cancelled).toBeUndefined();
    expect(pauses).toBe(2);
  });
});

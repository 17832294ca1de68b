import { randomLcg, randomNormal } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { classCounts } from './data-summary';
import { type GaussianSettings, generateGaussians, generateGaussiansInSlices, TUTORIAL_GAUSSIANS } from './gaussians';
import { tutorialDataset } from './tutorial-data';

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

  it('draws each point as its class mean plus two successive N(0, std) deviates of d3-random’s LCG', () => {
    // The documented recipe, written out here: the same seed gives the same points in every version.
    const settings: GaussianSettings = { mean0: [-1.5, 0.5], mean1: [2, -1], std: 0.7, perClass: 3, seed: 11 };
    const normal = randomNormal.source(randomLcg(settings.seed))(0, settings.std);
    const means = [settings.mean0, settings.mean1].flatMap((mean) =>
      Array.from({ length: settings.perClass }, () => mean),
    );
    // x1's deviate first, then x2's (array elements are evaluated left to right).
    const expected = means.flatMap(([m1, m2]) => [m1 + normal(), m2 + normal()]);
    expect(Array.from(generateGaussians(settings).points)).toEqual(expected);
  });

  it('has the tutorial’s settings, which describe its bundled data', () => {
    // Part 2 of the tutorial: red_mean = (−1, 0), blue_mean = (1, 0), std_dev = 1.2, 20 samples a class.
    expect(TUTORIAL_GAUSSIANS).toEqual({ mean0: [-1, 0], mean1: [1, 0], std: 1.2, perClass: 20, seed: 1 });
    // Its 40 points (drawn by numpy, not by this generator) have class means within 3 standard errors,
    // 3 · 1.2/√20 ≈ 0.8, of these.
    const data = tutorialDataset();
    for (const t of [0, 1] as const) {
      const mean = t === 0 ? TUTORIAL_GAUSSIANS.mean0 : TUTORIAL_GAUSSIANS.mean1;
      for (const axis of [0, 1] as const) {
        let sum = 0;
        for (let i = 0; i < data.targets.length; i++) if (data.targets[i] === t) sum += data.points[2 * i + axis]!;
        expect(Math.abs(sum / TUTORIAL_GAUSSIANS.perClass - mean[axis])).toBeLessThan(0.8);
      }
    }
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
    expect(() => generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 1_000_001 })).toThrow(/Samples per class/);
    expect(() => generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 2.5 })).toThrow(/Samples per class/);
    expect(() => generateGaussians({ ...TUTORIAL_GAUSSIANS, std: 0 })).toThrow(/standard deviation/);
    expect(() => generateGaussians({ ...TUTORIAL_GAUSSIANS, std: Number.NaN })).toThrow(/standard deviation/);
    expect(() => generateGaussians({ ...TUTORIAL_GAUSSIANS, mean1: [Infinity, 0] })).toThrow(/means/);
    expect(() => generateGaussians({ ...TUTORIAL_GAUSSIANS, seed: 0.5 })).toThrow(/seed/);
  });

  it('accepts 1 to 1 000 000 points a class', async () => {
    expect(classCounts(generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 1 }))).toEqual([1, 1]);
    // The most: cancelled after a first slice of one point, so only the arrays are made, not the draws.
    const most = { ...TUTORIAL_GAUSSIANS, perClass: 1_000_000 };
    await expect(
      generateGaussiansInSlices(most, { slice: 1, pause: async () => undefined, cancelled: () => true }),
    ).resolves.toBeUndefined();
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
    // Five slices: a pause between each two, none after the last.
    let between = 0;
    await generateGaussiansInSlices(settings, {
      slice: 500,
      pause: async () => {
        between++;
      },
    });
    expect(between).toBe(4);
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

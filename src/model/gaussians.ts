/**
 * A seeded generator of two Gaussian classes in the plane, as in part 2 of
 * the tutorial (there: means (−1, 0) and (1, 0), std 1.2, 20 points a class).
 * d3-random's LCG makes the output a pure function of the settings.
 */
import { randomLcg, randomNormal } from 'd3-random';
import type { Dataset } from './dataset';
import { drawAll, drawInSlices, type PointRecipe, type SlicedDraw } from './point-draw';

export type { SlicedDraw } from './point-draw';

export interface GaussianSettings {
  /** Mean of class t = 0 (the tutorial's red class). */
  readonly mean0: readonly [number, number];
  /** Mean of class t = 1 (the tutorial's blue class). */
  readonly mean1: readonly [number, number];
  /** The standard deviation shared by both classes and both axes. */
  readonly std: number;
  readonly perClass: number;
  readonly seed: number;
}

export const TUTORIAL_GAUSSIANS: GaussianSettings = {
  mean0: [-1, 0],
  mean1: [1, 0],
  std: 1.2,
  perClass: 20,
  seed: 1,
};

/** Limits on the settings; the UI and URL validation share them. */
export const GAUSSIAN_LIMITS = {
  perClass: { min: 1, max: 1_000_000 },
  std: { min: 1e-3, max: 100 },
  mean: { min: -100, max: 100 },
} as const;

function checkSettings(settings: GaussianSettings): void {
  const { perClass, std, seed } = settings;
  if (
    !Number.isInteger(perClass) ||
    perClass < GAUSSIAN_LIMITS.perClass.min ||
    perClass > GAUSSIAN_LIMITS.perClass.max
  ) {
    const { min, max } = GAUSSIAN_LIMITS.perClass;
    throw new RangeError(`Samples per class must be an integer from ${min} to ${max}, got ${perClass}`);
  }
  if (!(std > 0) || !Number.isFinite(std)) {
    throw new RangeError(`The standard deviation must be a positive number, got ${std}`);
  }
  for (const m of [...settings.mean0, ...settings.mean1]) {
    if (!Number.isFinite(m)) throw new RangeError(`Class means must be finite numbers, got ${m}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`The seed must be an integer, got ${seed}`);
}

/** The Gaussians' recipe: perClass points of class 0 around mean0, then perClass of class 1 around mean1. */
function gaussianRecipe(settings: GaussianSettings): PointRecipe {
  checkSettings(settings);
  const normal = randomNormal.source(randomLcg(settings.seed))(0, settings.std);
  return {
    n: 2 * settings.perClass,
    point: (i) => {
      const t = i < settings.perClass ? 0 : 1;
      const mean = t === 0 ? settings.mean0 : settings.mean1;
      return [mean[0] + normal(), mean[1] + normal(), t];
    },
  };
}

/** Draws perClass points of class 0, then perClass points of class 1. */
export function generateGaussians(settings: GaussianSettings): Dataset {
  return drawAll(gaussianRecipe(settings));
}

/** The same data as generateGaussians, drawn in slices with a pause after each. */
export function generateGaussiansInSlices(
  settings: GaussianSettings,
  options: SlicedDraw,
): Promise<Dataset | undefined> {
  return drawInSlices(gaussianRecipe(settings), options);
}

/**
 * A seeded generator of two Gaussian classes in the plane, as in part 2 of
 * the tutorial (there: means (−1, 0) and (1, 0), std 1.2, 20 points a class).
 * d3-random's LCG makes the output a pure function of the settings.
 */
import { randomLcg, randomNormal } from 'd3-random';
import { addRange, emptySummary, rememberSummary } from './data-summary';
import type { Dataset } from './dataset';
import { storedCoordinate } from './input-range';

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

/** The draw in progress: the same sequence of numbers however it is sliced. */
class GaussianDraw {
  readonly points: Float64Array;
  readonly targets: Uint8Array;
  readonly n: number;
  private readonly normal: () => number;
  private done = 0;

  constructor(private readonly settings: GaussianSettings) {
    checkSettings(settings);
    this.n = 2 * settings.perClass;
    this.normal = randomNormal.source(randomLcg(settings.seed))(0, settings.std);
    this.points = new Float64Array(2 * this.n);
    this.targets = new Uint8Array(this.n);
  }

  /** Draws up to `count` more points; returns how many are drawn in all. */
  draw(count: number): number {
    const { perClass } = this.settings;
    const end = Math.min(this.n, this.done + count);
    for (let i = this.done; i < end; i++) {
      const t = i < perClass ? 0 : 1;
      const mean = t === 0 ? this.settings.mean0 : this.settings.mean1;
      // Within the range by the limits (see input-range.test.ts); a mean as tiny as 1e-300 could still leave a
      // float32 subnormal where a deviate is exactly 0, read as 0 as every door reads it.
      this.points[2 * i] = storedCoordinate(mean[0] + this.normal());
      this.points[2 * i + 1] = storedCoordinate(mean[1] + this.normal());
      this.targets[i] = t;
    }
    this.done = end;
    return end;
  }
}

/** Draws perClass points of class 0, then perClass points of class 1. */
export function generateGaussians(settings: GaussianSettings): Dataset {
  const draw = new GaussianDraw(settings);
  draw.draw(draw.n);
  return { points: draw.points, targets: draw.targets };
}

export interface SlicedDraw {
  /** Points per slice (25 000 by default: a few milliseconds). */
  readonly slice?: number;
  /** Waits between slices, so the page can draw and answer input. */
  readonly pause: () => Promise<void>;
  readonly onProgress?: (fraction: number) => void;
  /** Checked between slices: stop early (and return undefined) when it says so. */
  readonly cancelled?: () => boolean;
}

/** The same data as generateGaussians, drawn in slices with a pause after each. */
export async function generateGaussiansInSlices(
  settings: GaussianSettings,
  options: SlicedDraw,
): Promise<Dataset | undefined> {
  const draw = new GaussianDraw(settings);
  const slice = options.slice ?? 25_000;
  const data = { points: draw.points, targets: draw.targets };
  // The summary is summed slice by slice as well, so no pass over all the data is left for later.
  let summary = emptySummary();
  for (let done = 0; done < draw.n; ) {
    const from = done;
    done = draw.draw(slice);
    summary = addRange(summary, data, from, done);
    options.onProgress?.(done / draw.n);
    if (done < draw.n) await options.pause();
    if (options.cancelled?.()) return undefined;
  }
  rememberSummary(data, summary);
  return data;
}

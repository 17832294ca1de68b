import { describe, expect, it } from 'vitest';
import { CSV_MAX_ROWS } from '../model/csv';
import { addPoint } from '../model/edit';
import { GAUSSIAN_LIMITS, generateGaussians } from '../model/gaussians';
import {
  COORDINATE_LIMIT,
  COORDINATE_RANGE,
  clampCoordinate,
  coordinateInRange,
  SMALLEST_COORDINATE,
  storedCoordinate,
} from '../model/input-range';
import { tutorialDataset } from '../model/tutorial-data';
import { LIMITS } from '../settings/settings';
import { PARAMETER_LIMIT, WEIGHT_LIMIT } from './run-limits';

/** The largest finite float32. */
const FLOAT32_MAX = (2 - 2 ** -23) * 2 ** 127;

describe('the coordinate range', () => {
  it('keeps every number a run computes finite in float32, until far past divergence', () => {
    const X = COORDINATE_LIMIT;
    const N = CSV_MAX_ROWS;
    const eta = LIMITS.learningRate.max;
    // Before the weights pass the divergence limit: the summed cost is at most N·(|w₁x₁| + |w₂x₂| + |b|).
    expect(N * (2 * WEIGHT_LIMIT * X + WEIGHT_LIMIT)).toBeLessThan(FLOAT32_MAX);
    // A run stops at the first step past the limit; one step moves w by at most η·N·X (|σ − t| ≤ 1): the
    // largest parameter a run reaches, with five times the points (clicks add some), keeps the cost finite.
    expect(WEIGHT_LIMIT + eta * N * X).toBeLessThan(PARAMETER_LIMIT);
    expect(5 * N * (2 * PARAMETER_LIMIT * X + PARAMETER_LIMIT)).toBeLessThan(FLOAT32_MAX);
    // The data themselves, and their sums, in float32.
    expect(Math.fround(X)).toBe(X);
    expect(N * X).toBeLessThan(FLOAT32_MAX);
  });

  it('starts where float32 stops being normal', () => {
    expect(Math.fround(SMALLEST_COORDINATE)).toBe(SMALLEST_COORDINATE);
    expect(SMALLEST_COORDINATE).toBe(1.1754943508222875e-38);
  });

  it('says the range as the messages state it', () => {
    expect(COORDINATE_RANGE).toBe('coordinates must lie within ±1e9');
  });

  it('accepts the edges and refuses what lies beyond, NaN and the infinities', () => {
    for (const v of [0, -0, 1, COORDINATE_LIMIT, -COORDINATE_LIMIT, 5e-324]) expect(coordinateInRange(v)).toBe(true);
    for (const v of [1e39, 1.0000001e9, -1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(coordinateInRange(v)).toBe(false);
    }
  });

  it('stores a float32 subnormal as a signed 0 and everything else as it is', () => {
    expect(Object.is(storedCoordinate(5e-324), 0)).toBe(true);
    expect(Object.is(storedCoordinate(-1e-40), -0)).toBe(true);
    expect(Object.is(storedCoordinate(-0), -0)).toBe(true);
    expect(storedCoordinate(SMALLEST_COORDINATE)).toBe(SMALLEST_COORDINATE);
    expect(storedCoordinate(-1e-30)).toBe(-1e-30);
    expect(storedCoordinate(1e9)).toBe(1e9);
  });

  it('puts a click beyond the range at its edge', () => {
    expect(clampCoordinate(1.4e9)).toBe(1e9);
    expect(clampCoordinate(-3e9)).toBe(-1e9);
    expect(clampCoordinate(2.5)).toBe(2.5);
    const { data } = addPoint(tutorialDataset(), 1.5e9, 1e-45, 1);
    expect(Array.from(data.points.slice(-2))).toEqual([1e9, 0]);
    expect(() => addPoint(tutorialDataset(), Number.NaN, 0, 1)).toThrow(RangeError);
  });
});

describe('the generator stays within the range', () => {
  it('by its limits: a deviate of d3-random with its LCG is at most √(2·62·ln 2) ≈ 9.3 standard deviations', () => {
    expect(GAUSSIAN_LIMITS.mean.max + 10 * GAUSSIAN_LIMITS.std.max).toBeLessThan(COORDINATE_LIMIT);
    expect(GAUSSIAN_LIMITS.mean.min - 10 * GAUSSIAN_LIMITS.std.max).toBeGreaterThan(-COORDINATE_LIMIT);
  });

  it('at its extreme settings, and with a mean too small for float32', () => {
    const data = generateGaussians({ mean0: [1e-300, -100], mean1: [100, 100], std: 100, perClass: 20_000, seed: 3 });
    const stored = (v: number) => coordinateInRange(v) && (v === 0 || Math.abs(v) >= SMALLEST_COORDINATE);
    expect(data.points.every(stored)).toBe(true);
    const tiny = generateGaussians({ mean0: [1e-300, 0], mean1: [0, 0], std: 1e-3, perClass: 10, seed: 1 });
    expect(tiny.points.every(stored)).toBe(true);
  });
});

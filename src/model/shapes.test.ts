import { describe, expect, it } from 'vitest';
import { classCounts } from './data-summary';
import { accuracy, TUTORIAL_FORM } from './regression';
import { generateShape, generateShapeInSlices, RADIUS, SHAPES } from './shapes';

const at = (data: { points: Float64Array }, i: number) => [data.points[2 * i]!, data.points[2 * i + 1]!] as const;

describe('the shapes a line cannot split', () => {
  it('draw perClass points of each class, class 0 first, the same for the same seed and other for another', () => {
    for (const shape of SHAPES) {
      const a = generateShape(shape, { perClass: 50, seed: 3, noise: 0.2 });
      expect(a.targets.length, shape).toBe(100);
      expect(classCounts(a), shape).toEqual([50, 50]);
      expect(
        Array.from(a.targets.slice(0, 50)).every((t) => t === 0),
        shape,
      ).toBe(true);
      expect(generateShape(shape, { perClass: 50, seed: 3, noise: 0.2 }), shape).toEqual(a);
      expect(generateShape(shape, { perClass: 50, seed: 4, noise: 0.2 }).points, shape).not.toEqual(a.points);
    }
  });

  it('circle: class 0 within R/2 of the centre, class 1 in the ring from 0.7R to R (without noise)', () => {
    const data = generateShape('circle', { perClass: 200, seed: 1, noise: 0 });
    for (let i = 0; i < 400; i++) {
      const r = Math.hypot(...at(data, i));
      if (data.targets[i] === 0) expect(r).toBeLessThanOrEqual(0.5 * RADIUS);
      else {
        expect(r).toBeGreaterThanOrEqual(0.7 * RADIUS - 1e-6);
        expect(r).toBeLessThanOrEqual(RADIUS + 1e-6);
      }
    }
    // The features x1², x2² with a bias split it: z = x1² + x2² − 6, class 1 outside (r² = 6 lies in the gap, 4 to 7.84).
    const split = accuracy(data, { w: [1, 1], b: -6 }, { ...TUTORIAL_FORM, features: ['x1^2', 'x2^2'] });
    expect(split).toBe(1);
  });

  it('xor: class 1 where x1·x2 > 0, class 0 where it is < 0, every point 0.3 off the axes (without noise)', () => {
    const data = generateShape('xor', { perClass: 200, seed: 2, noise: 0 });
    const quadrants = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const [x1, x2] = at(data, i);
      expect(Math.min(Math.abs(x1), Math.abs(x2))).toBeGreaterThanOrEqual(0.3 - 1e-6);
      expect(x1 * x2 > 0 ? 1 : 0).toBe(data.targets[i]);
      quadrants.add(`${Math.sign(x1)},${Math.sign(x2)}`);
    }
    expect(quadrants.size).toBe(4);
  });

  it('spiral: two arms half a turn apart, each point at the radius its place on the arm gives', () => {
    const perClass = 100;
    const data = generateShape('spiral', { perClass, seed: 5, noise: 0 });
    for (const j of [0, 37, 99]) {
      const r = RADIUS * (0.1 + (0.9 * j) / perClass);
      expect(Math.hypot(...at(data, j))).toBeCloseTo(r, 6);
      // The same place on the other arm is the point reflected through the centre.
      const [a1, a2] = at(data, j);
      const [b1, b2] = at(data, perClass + j);
      expect(b1).toBeCloseTo(-a1, 6);
      expect(b2).toBeCloseTo(-a2, 6);
    }
  });

  it('adds position noise of σ = noise, leaving the labels as drawn', () => {
    const clean = generateShape('circle', { perClass: 2000, seed: 9, noise: 0 });
    const noisy = generateShape('circle', { perClass: 2000, seed: 9, noise: 0.5 });
    expect(noisy.targets).toEqual(clean.targets);
    // Class 0 without noise lies within R/2; with σ = 0.5 a share of it strays beyond.
    let beyond = 0;
    for (let i = 0; i < 2000; i++) if (Math.hypot(...at(noisy, i)) > 0.5 * RADIUS) beyond++;
    expect(beyond).toBeGreaterThan(20);
  });

  it('draws the same data in slices as whole', async () => {
    for (const shape of SHAPES) {
      const settings = { perClass: 1000, seed: 7, noise: 0.3 };
      const sliced = await generateShapeInSlices(shape, settings, { slice: 333, pause: async () => {} });
      expect(sliced, shape).toEqual(generateShape(shape, settings));
    }
  });
});

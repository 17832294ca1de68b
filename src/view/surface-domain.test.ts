import { describe, expect, it } from 'vitest';
import { fitSurfaceDomain } from './surface-domain';

const p = (w1: number, w2: number) => ({ w1, w2, b: 0 });

describe('fitSurfaceDomain', () => {
  it('starts at ±5 for the tutorial', () => {
    expect(fitSurfaceDomain(undefined, [p(-4, -2), p(1.48, 0.78)])).toEqual({ x: [-5, 5], y: [-5, 5] });
  });

  it('keeps its window while the path stays inside', () => {
    const d = fitSurfaceDomain(undefined, [p(-4, -2)]);
    expect(fitSurfaceDomain(d, [p(-4, -2), p(4.9, 0)])).toBe(d);
  });

  it('grows to a round size when the path leaves, ignoring non-finite weights', () => {
    const d = fitSurfaceDomain({ x: [-5, 5], y: [-5, 5] }, [p(12, 0), p(Number.NaN, 1e9)]);
    expect(d).toEqual({ x: [-15, 15], y: [-15, 15] });
  });
});

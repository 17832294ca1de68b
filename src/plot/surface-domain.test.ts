import { describe, expect, it } from 'vitest';
import { surfaceWindow } from './surface-domain';

const p = (w1: number, w2: number) => ({ w: [w1, w2], b: 0 });

describe('surfaceWindow', () => {
  it('is ±5 for the tutorial, start and path', () => {
    expect(surfaceWindow([p(-4, -2), p(1.48, 0.78)], 1000)).toEqual({ x: [-5, 5], y: [-5, 5] });
  });

  it('grows to a round size with the path, ignoring non-finite weights', () => {
    expect(surfaceWindow([p(12, 0), p(Number.NaN, 1e9)], 1000)).toEqual({ x: [-15, 15], y: [-15, 15] });
  });

  it('never passes the range of a valid w(0), however far a diverged path goes', () => {
    expect(surfaceWindow([p(-4, -2), p(3e5, -2e8)], 1000)).toEqual({ x: [-1000, 1000], y: [-1000, 1000] });
  });

  it('follows the run: a new run after a diverged one is framed on its own', () => {
    const diverged = surfaceWindow([p(-4, -2), p(500, 300)], 1000);
    const fresh = surfaceWindow([p(-4, -2)], 1000);
    expect(diverged.x[1]).toBe(600);
    expect(fresh).toEqual({ x: [-5, 5], y: [-5, 5] });
  });
});

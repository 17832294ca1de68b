import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TUTORIAL_REFERENCE } from '../model/tutorial-reference';
import { weightArrow } from './weight-arrow';

const W10 = TUTORIAL_REFERENCE.path[10];

const WINDOW = { x: [-4, 4], y: [-4, 4] } as const;

describe('weightArrow', () => {
  it('starts at the origin for the tutorial’s model and is w itself', () => {
    const a = weightArrow({ w: [W10[0], W10[1]], b: 0 }, WINDOW);
    expect(a?.from).toEqual([0, 0]);
    expect(a?.to[0]).toBeCloseTo(W10[0], 12);
    expect(a?.to[1]).toBeCloseTo(W10[1], 12);
    expect(a?.scaled).toBe(false);
  });

  it('starts on the boundary and stands at a right angle to it', () => {
    const w = fc.double({ min: -50, max: 50, noNaN: true });
    fc.assert(
      fc.property(w, w, fc.double({ min: -2, max: 2, noNaN: true }), (w1, w2, b) => {
        fc.pre(Math.hypot(w1, w2) > 1e-3);
        const a = weightArrow({ w: [w1, w2], b }, WINDOW);
        if (!a) return;
        // On the boundary: w·from + b = 0.
        expect(w1 * a.from[0] + w2 * a.from[1] + b).toBeCloseTo(0, 6);
        // Along w, so perpendicular to the boundary's direction (−w2, w1).
        const dx = a.to[0] - a.from[0];
        const dy = a.to[1] - a.from[1];
        expect(dx * -w2 + dy * w1).toBeCloseTo(0, 6);
        expect(dx * w1 + dy * w2).toBeGreaterThan(0);
      }),
    );
  });

  it('is scaled when w is too long or too short to draw as is, and absent for w = 0', () => {
    expect(weightArrow({ w: [300, 0], b: 0 }, WINDOW)?.scaled).toBe(true);
    expect(weightArrow({ w: [0.01, 0], b: 0 }, WINDOW)?.scaled).toBe(true);
    expect(weightArrow({ w: [0, 0], b: 0 }, WINDOW)).toBeUndefined();
    // A boundary outside the window has no arrow.
    expect(weightArrow({ w: [1, 0], b: -100 }, WINDOW)).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundarySegment } from './boundary';
import { TUTORIAL_REFERENCE } from './tutorial-reference';

const W10 = TUTORIAL_REFERENCE.path[10];

const BOX = [-4, 4] as const;

describe('boundarySegment', () => {
  it('passes through the origin with slope −w1/w2 without bias', () => {
    const seg = boundarySegment({ w1: W10[0], w2: W10[1], b: 0 }, BOX, BOX);
    expect(seg).not.toBeNull();
    const [[xa, ya], [xb, yb]] = seg as NonNullable<typeof seg>;
    expect((yb - ya) / (xb - xa)).toBeCloseTo(-W10[0] / W10[1], 12);
    // The origin lies on the segment's line.
    expect(ya - ((yb - ya) / (xb - xa)) * xa).toBeCloseTo(0, 12);
  });

  it('handles vertical and horizontal boundaries', () => {
    expect(boundarySegment({ w1: 2, w2: 0, b: -2 }, BOX, BOX)).toEqual([
      [1, -4],
      [1, 4],
    ]);
    expect(boundarySegment({ w1: 0, w2: 1, b: 1 }, BOX, BOX)).toEqual([
      [-4, -1],
      [4, -1],
    ]);
  });

  it('is null for w = 0 or a line outside the box', () => {
    expect(boundarySegment({ w1: 0, w2: 0, b: 1 }, BOX, BOX)).toBeNull();
    expect(boundarySegment({ w1: 1, w2: 0, b: -10 }, BOX, BOX)).toBeNull();
  });

  it('returns two points of the box on the line', () => {
    const w = fc.double({ min: -5, max: 5, noNaN: true }).filter((v) => Math.abs(v) > 1e-3);
    fc.assert(
      fc.property(w, w, fc.double({ min: -3, max: 3, noNaN: true }), (w1, w2, b) => {
        const seg = boundarySegment({ w1, w2, b }, BOX, BOX);
        if (seg === null) return;
        for (const [x, y] of seg) {
          expect(Math.abs(w1 * x + w2 * y + b)).toBeLessThan(1e-9 * (1 + Math.abs(w1) + Math.abs(w2)) * 10);
          expect(Math.abs(x)).toBeLessThanOrEqual(4 + 1e-9);
          expect(Math.abs(y)).toBeLessThanOrEqual(4 + 1e-9);
        }
      }),
    );
  });
});

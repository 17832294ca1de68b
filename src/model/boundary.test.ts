import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundarySegment } from './boundary';
import { TUTORIAL_REFERENCE } from './tutorial-reference';

const W10 = TUTORIAL_REFERENCE.path[10];

const BOX = [-4, 4] as const;

describe('boundarySegment', () => {
  it('passes through the origin with slope −w1/w2 without bias', () => {
    const seg = boundarySegment({ w: [W10[0], W10[1]], b: 0 }, BOX, BOX);
    expect(seg).not.toBeNull();
    const [[xa, ya], [xb, yb]] = seg as NonNullable<typeof seg>;
    expect((yb - ya) / (xb - xa)).toBeCloseTo(-W10[0] / W10[1], 12);
    // The origin lies on the segment's line.
    expect(ya - ((yb - ya) / (xb - xa)) * xa).toBeCloseTo(0, 12);
  });

  it('handles vertical and horizontal boundaries', () => {
    expect(boundarySegment({ w: [2, 0], b: -2 }, BOX, BOX)).toEqual([
      [1, -4],
      [1, 4],
    ]);
    expect(boundarySegment({ w: [0, 1], b: 1 }, BOX, BOX)).toEqual([
      [-4, -1],
      [4, -1],
    ]);
  });

  it('is null for w = 0 or a line outside the box', () => {
    expect(boundarySegment({ w: [0, 0], b: 1 }, BOX, BOX)).toBeNull();
    expect(boundarySegment({ w: [1, 0], b: -10 }, BOX, BOX)).toBeNull();
  });

  it('takes the box as closed, with a margin of 1e-12 for rounding', () => {
    // Vertical lines x = c (w = (1, 0), b = −c) and horizontal lines y = c (w = (0, 1), b = −c), c on the margin:
    // drawn along the edge. Lines just beyond it miss the box.
    const vertical = (c: number) => boundarySegment({ w: [1, 0], b: -c }, BOX, BOX);
    const horizontal = (c: number) => boundarySegment({ w: [0, 1], b: -c }, BOX, BOX);
    for (const c of [-4 - 1e-12, 4 + 1e-12]) {
      expect(vertical(c)).toEqual([
        [c, -4],
        [c, 4],
      ]);
      expect(horizontal(c)).toEqual([
        [-4, c],
        [4, c],
      ]);
    }
    for (const c of [-4 - 1e-11, 4 + 1e-11]) {
      expect(vertical(c)).toBeNull();
      expect(horizontal(c)).toBeNull();
    }
  });

  it('counts a corner crossed by the line once', () => {
    // x2 = 2·x1 in [0, 1]²: it crosses the left and the bottom edge at the corner (0, 0), then leaves at (0.5, 1).
    expect(boundarySegment({ w: [2, -1], b: 0 }, [0, 1], [0, 1])).toEqual([
      [0, 0],
      [0.5, 1],
    ]);
  });

  it('takes crossings closer than 1e-9 in both coordinates for one point', () => {
    // Lines x1 + 2·x2 = c (and 2·x1 + x2 = c) that cut a sliver off the corner (0, 0) of [0, 1]²: crossings
    // (0, c/2) and (c, 0) (and (0, c), (c/2, 0)). When c < 1e-9 they are one point, a touch, and there is no
    // segment; at c = 1e-9 they are 1e-9 apart in one coordinate, two points.
    const unit = [0, 1] as const;
    expect(boundarySegment({ w: [1, 2], b: -5e-10 }, unit, unit)).toBeNull();
    expect(boundarySegment({ w: [1, 2], b: -1e-9 }, unit, unit)).toEqual([
      [0, 5e-10],
      [1e-9, 0],
    ]);
    expect(boundarySegment({ w: [2, 1], b: -1e-9 }, unit, unit)).toEqual([
      [0, 1e-9],
      [5e-10, 0],
    ]);
  });

  it('returns two points of the box on the line', () => {
    const w = fc.double({ min: -5, max: 5, noNaN: true }).filter((v) => Math.abs(v) > 1e-3);
    fc.assert(
      fc.property(w, w, fc.double({ min: -3, max: 3, noNaN: true }), (w1, w2, b) => {
        const seg = boundarySegment({ w: [w1, w2], b }, BOX, BOX);
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

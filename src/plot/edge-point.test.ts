import { describe, expect, it } from 'vitest';
import { edgePoint } from './edge-point';

const PLOT = { left: 100, top: 50, width: 400, height: 400 };

describe('edgePoint', () => {
  it('is undefined for a point inside the plot', () => {
    expect(edgePoint(PLOT, 300, 250, 3)).toBeUndefined();
    expect(edgePoint(PLOT, 500, 450, 3)).toBeUndefined();
  });
  it('puts a point far to the right on the right edge, at the height the line from the centre crosses it', () => {
    // Centre (300, 250); the point 10 000 px right and 500 px down: the edge at x = 497, 9.85 px lower.
    const at = edgePoint(PLOT, 10_300, 750, 3);
    expect(at?.x).toBeCloseTo(497, 6);
    expect(at?.y).toBeCloseTo(250 + (197 * 500) / 10_000, 6);
    expect(at?.angle).toBeCloseTo((Math.atan2(500, 10_000) * 180) / Math.PI, 6);
  });
  it('uses the edge the line leaves by: the top for a point straight above, a corner on the diagonal', () => {
    expect(edgePoint(PLOT, 300, -1e6, 3)).toMatchObject({ x: 300, y: 53, angle: -90 });
    const corner = edgePoint(PLOT, 1300, 1250, 0);
    expect(corner?.x).toBeCloseTo(500, 6);
    expect(corner?.y).toBeCloseTo(450, 6);
  });
});

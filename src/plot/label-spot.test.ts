import { describe, expect, it } from 'vitest';
import { alongSegment, leastCovered, spotsAround } from './label-spot';

const BOUNDS = { left: 0, top: 0, right: 400, bottom: 400 };

describe('leastCovered', () => {
  const spots = spotsAround(200, 200, 20, 14, 6);

  it('takes the first spot, above and right of the mark, when it is free', () => {
    expect(spots[0]).toEqual({ left: 206, top: 180, right: 226, bottom: 194 });
    expect(leastCovered(spots, [], 4, BOUNDS)).toBe(0);
  });

  it('moves off the points and the lines around the mark', () => {
    // A point in the first spot and the arrow running through the second: the third is free.
    const points: [number, number][] = [[215, 188], ...alongSegment([150, 190], [200, 190], 3)];
    expect(leastCovered(spots, points, 4, BOUNDS)).toBe(2);
  });

  it('never leaves the plot nor covers a box to keep free', () => {
    // Near the top edge the spots above are out; a legend sits below and right: below and left it is.
    const atEdge = spotsAround(300, 10, 20, 14, 6);
    expect(leastCovered(atEdge, [], 4, BOUNDS, [{ left: 300, top: 10, right: 330, bottom: 40 }])).toBe(3);
    expect(leastCovered(atEdge, [], 4, BOUNDS)).toBe(2);
  });

  it('samples a segment every few pixels, both ends included', () => {
    expect(alongSegment([0, 0], [10, 0], 3)).toEqual([
      [0, 0],
      [2.5, 0],
      [5, 0],
      [7.5, 0],
      [10, 0],
    ]);
  });
});

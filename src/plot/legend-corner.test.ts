import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../model/dataset';
import { tutorialDataset } from '../model/tutorial-data';
import { emptiestCorner, insideShare, type Segment } from './legend-corner';

const WINDOW = { x: [-4, 4], y: [-4, 4] } as const;

describe('emptiestCorner', () => {
  it('keeps the top-left corner when it is empty', () => {
    expect(emptiestCorner(datasetFromRows([[3, -3, 0]]), WINDOW, 0.4, 0.3)).toBe('top-left');
  });

  it('moves to the corner with the fewest points', () => {
    const rows = [
      [-3, 3, 0],
      [3, 3, 1],
      [3, 3.5, 1],
      [-3, -3, 0],
      [3, -3, 1],
      [-3.5, -3.5, 0],
    ] as const;
    expect(emptiestCorner(datasetFromRows(rows), WINDOW, 0.4, 0.3)).toBe('top-left');
    expect(emptiestCorner(datasetFromRows([...rows, [-3, 3.2, 1], [-2.9, 3.1, 1]]), WINDOW, 0.4, 0.3)).toBe(
      'bottom-right',
    );
  });

  it('finds a free corner for the tutorial’s data', () => {
    const corner = emptiestCorner(tutorialDataset(), WINDOW, 0.45, 0.3);
    const data = tutorialDataset();
    let inside = 0;
    for (let i = 0; i < 40; i++) {
      const x = data.points[2 * i]!;
      const y = data.points[2 * i + 1]!;
      const inX = corner.endsWith('left') ? x <= -4 + 0.45 * 8 : x >= 4 - 0.45 * 8;
      const inY = corner.startsWith('top') ? y >= 4 - 0.3 * 8 : y <= -4 + 0.3 * 8;
      if (inX && inY) inside++;
    }
    expect(inside).toBe(0);
  });
});

describe('emptiestCorner, with lines to keep in sight', () => {
  // The line x2 = −x1 + 6 crosses the top-right corner only; the top-left holds one point, the bottom ones two.
  const data = datasetFromRows([
    [-3.5, 3.5, 0],
    [-3.5, -3.5, 0],
    [-3, -3.5, 0],
    [3.5, -3.5, 1],
    [3, -3.5, 1],
  ]);
  const line: Segment = [
    [2, 4],
    [4, 2],
  ];

  it('leaves a corner the boundary crosses, even for one with more points', () => {
    expect(emptiestCorner(data, WINDOW, 0.4, 0.3, [])).toBe('top-right');
    expect(emptiestCorner(data, WINDOW, 0.4, 0.3, [line])).toBe('top-left');
  });

  it('where every corner hides some line, takes the one that hides the least', () => {
    // A legend 70 % by 45 % of the plot: the diagonal x2 = x1 runs through the top-right and bottom-left boxes
    // for their whole size, and only clips the others' inner corners.
    const diagonal: Segment = [
      [-4, -4],
      [4, 4],
    ];
    const corner = emptiestCorner(datasetFromRows([]), WINDOW, 0.7, 0.45, [diagonal]);
    expect(['top-left', 'bottom-right']).toContain(corner);
  });

  it('stays where it is unless another corner hides clearly less', () => {
    expect(emptiestCorner(data, WINDOW, 0.4, 0.3, [line], 'bottom-left')).toBe('bottom-left');
    expect(emptiestCorner(data, WINDOW, 0.4, 0.3, [line], 'top-right')).toBe('top-left');
  });

  it('measures how much of a segment lies in a box', () => {
    const box = { x0: 0, x1: 1, y0: 0, y1: 1 };
    expect(
      insideShare(
        [
          [-1, 0.5],
          [2, 0.5],
        ],
        box,
      ),
    ).toBeCloseTo(1 / 3, 12);
    expect(
      insideShare(
        [
          [-1, -1],
          [2, 2],
        ],
        box,
      ),
    ).toBeCloseTo(1 / 3, 12);
    expect(
      insideShare(
        [
          [-1, 2],
          [2, 1.5],
        ],
        box,
      ),
    ).toBe(0);
    expect(
      insideShare(
        [
          [-1, 0.5],
          [-0.1, 0.5],
        ],
        box,
      ),
    ).toBe(0);
    expect(
      insideShare(
        [
          [0.5, 0.5],
          [0.6, 0.6],
        ],
        box,
      ),
    ).toBe(1);
  });
});

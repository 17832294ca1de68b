import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../model/dataset';
import { tutorialDataset } from '../model/tutorial-data';
import { cornerHides, crosses, emptiestCorner, type Segment } from './legend-corner';

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
  it('leaves a corner the boundary crosses, even for one with more points', () => {
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
    expect(emptiestCorner(data, WINDOW, 0.4, 0.3, [])).toBe('top-right');
    expect(emptiestCorner(data, WINDOW, 0.4, 0.3, [line])).toBe('top-left');
    expect(cornerHides('top-right', WINDOW, 0.4, 0.3, [line])).toBe(true);
    expect(cornerHides('bottom-left', WINDOW, 0.4, 0.3, [line])).toBe(false);
  });

  it('tells a segment through a box from one that passes by or stops short', () => {
    const box = { x0: 0, x1: 1, y0: 0, y1: 1 };
    expect(
      crosses(
        [
          [-1, 0.5],
          [2, 0.5],
        ],
        box,
      ),
    ).toBe(true);
    expect(
      crosses(
        [
          [-1, -1],
          [2, 2],
        ],
        box,
      ),
    ).toBe(true);
    expect(
      crosses(
        [
          [-1, 2],
          [2, 1.5],
        ],
        box,
      ),
    ).toBe(false);
    expect(
      crosses(
        [
          [-1, 0.5],
          [-0.1, 0.5],
        ],
        box,
      ),
    ).toBe(false);
    expect(
      crosses(
        [
          [0.5, 0.5],
          [0.6, 0.6],
        ],
        box,
      ),
    ).toBe(true);
  });
});

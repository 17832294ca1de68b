import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../model/dataset';
import { tutorialDataset } from '../model/tutorial-data';
import { emptiestCorner } from './legend-corner';

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

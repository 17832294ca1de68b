import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset';
import { addPoint, nearestPoint, removePoint } from './edit';

const data = datasetFromRows([
  [0, 0, 0],
  [1, 1, 1],
  [2, 0, 0],
]);

describe('editing points', () => {
  it('adds a point at the end', () => {
    const more = addPoint(data, 5, -1, 1);
    expect(Array.from(more.points)).toEqual([0, 0, 1, 1, 2, 0, 5, -1]);
    expect(Array.from(more.targets)).toEqual([0, 1, 0, 1]);
    expect(data.targets.length).toBe(3);
  });

  it('finds and removes the nearest point', () => {
    const i = nearestPoint(data, 1.2, 0.9);
    expect(i).toBe(1);
    const fewer = removePoint(data, i);
    expect(Array.from(fewer.points)).toEqual([0, 0, 2, 0]);
    expect(Array.from(fewer.targets)).toEqual([0, 0]);
    expect(removePoint(data, 7)).toBe(data);
    expect(nearestPoint({ points: new Float64Array(0), targets: new Uint8Array(0) }, 0, 0)).toBe(-1);
  });
});

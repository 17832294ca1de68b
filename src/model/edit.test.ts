import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classCounts, datasetFromRows } from './dataset';
import { addPoint, nearestPoint, removePoint } from './edit';

const data = datasetFromRows([
  [0, 0, 0],
  [1, 1, 1],
  [2, 0, 0],
]);

describe('editing points', () => {
  it('adds a point at the end', () => {
    const { data: more, change } = addPoint(data, 5, -1, 1);
    expect(Array.from(more.points)).toEqual([0, 0, 1, 1, 2, 0, 5, -1]);
    expect(Array.from(more.targets)).toEqual([0, 1, 0, 1]);
    expect(change).toEqual({ kind: 'append' });
    expect(data.targets.length).toBe(3);
  });

  it('finds the nearest point and removes it by moving the last one into its place', () => {
    const i = nearestPoint(data, 1.2, 0.9);
    expect(i).toBe(1);
    const removed = removePoint(data, i);
    expect(Array.from(removed?.data.points ?? [])).toEqual([0, 0, 2, 0]);
    expect(Array.from(removed?.data.targets ?? [])).toEqual([0, 0]);
    expect(removed?.change).toEqual({ kind: 'swap-remove', index: 1 });
    expect(Array.from(removePoint(data, 2)?.data.points ?? [])).toEqual([0, 0, 1, 1]);
    expect(removePoint(data, 7)).toBeUndefined();
    expect(removePoint(data, -1)).toBeUndefined();
    expect(nearestPoint({ points: new Float64Array(0), targets: new Uint8Array(0) }, 0, 0)).toBe(-1);
  });

  it('removes exactly the chosen point: the rest keep their coordinates and classes', () => {
    const rows = fc.array(fc.tuple(fc.integer(), fc.integer(), fc.constantFrom(0 as const, 1 as const)), {
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(rows, fc.nat(), (r, k) => {
        const d = datasetFromRows(r);
        const index = k % r.length;
        const out = removePoint(d, index)?.data;
        if (!out) throw new Error('not removed');
        const key = (x: Float64Array, t: Uint8Array) =>
          Array.from(t, (ti, i) => `${x[2 * i]},${x[2 * i + 1]},${ti}`).sort();
        const expected = key(d.points, d.targets);
        expected.splice(expected.indexOf(`${r[index]![0]},${r[index]![1]},${r[index]![2]}`), 1);
        expect(key(out.points, out.targets)).toEqual(expected);
        expect(classCounts(out)[0] + classCounts(out)[1]).toBe(r.length - 1);
      }),
    );
  });
});

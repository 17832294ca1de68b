import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classCounts } from './data-summary';
import { datasetFromRows } from './dataset';
import { type AppliedEdit, addPoint, insertPoint, nearestPoint, redoEdit, removePoint, undoEdit } from './edit';

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

  it('puts a removed point back where it was, moving the sample there to the end', () => {
    const removed = removePoint(data, 0);
    if (!removed) throw new Error('not removed');
    const back = insertPoint(removed.data, 0, [0, 0, 0]);
    expect(Array.from(back.data.points)).toEqual(Array.from(data.points));
    expect(Array.from(back.data.targets)).toEqual(Array.from(data.targets));
    expect(back.change).toEqual({ kind: 'unswap', index: 0 });
    expect(() => insertPoint(data, 9, [0, 0, 0])).toThrow(RangeError);
  });

  it('undoes any sequence of edits bit for bit, order included, and redoes it the same', () => {
    const float = fc.double({ noNaN: true });
    const rows = fc.array(fc.tuple(float, float, fc.constantFrom(0 as const, 1 as const)), {
      minLength: 1,
      maxLength: 30,
    });
    const edits = fc.array(
      fc.oneof(fc.tuple(fc.constant('add' as const), float, float, fc.constantFrom(0 as const, 1 as const)), fc.nat()),
      { maxLength: 40 },
    );
    const bits = (d: { points: Float64Array; targets: Uint8Array }) => [
      Array.from(new Uint8Array(d.points.buffer, d.points.byteOffset, d.points.byteLength)),
      Array.from(d.targets),
    ];
    fc.assert(
      fc.property(rows, edits, (r, list) => {
        const states = [datasetFromRows(r)];
        const made: AppliedEdit[] = [];
        for (const e of list) {
          const current = states.at(-1)!;
          const n = current.targets.length;
          let applied: AppliedEdit;
          if (typeof e === 'number') {
            if (n === 0) continue;
            const index = e % n;
            const point = [
              current.points[2 * index]!,
              current.points[2 * index + 1]!,
              current.targets[index]!,
            ] as const;
            applied = { kind: 'remove', index, point };
          } else applied = { kind: 'add', point: [e[1], e[2], e[3]] };
          states.push(redoEdit(current, applied).data);
          made.push(applied);
        }
        let at = states.at(-1)!;
        for (let k = made.length - 1; k >= 0; k--) {
          at = undoEdit(at, made[k]!).data;
          expect(bits(at)).toEqual(bits(states[k]!));
        }
        for (let k = 0; k < made.length; k++) {
          at = redoEdit(at, made[k]!).data;
          expect(bits(at)).toEqual(bits(states[k + 1]!));
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRange, classCounts, emptySummary, hasSummary, summaryOf } from './data-summary';
import { type Dataset, datasetFromRows } from './dataset';
import {
  type AppliedEdit,
  addPoint,
  insertPoint,
  lineageOf,
  nearestPoint,
  redoEdit,
  removePoint,
  undoEdit,
} from './edit';

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

/** The same three points as `data`, but a new object: no summary kept with it yet, and no lineage. */
const fresh = (): Dataset =>
  datasetFromRows([
    [0, 0, 0],
    [1, 1, 1],
    [2, 0, 0],
  ]);

const contents = (d: Dataset) => ({ points: Array.from(d.points), targets: Array.from(d.targets) });

/** Asserts that `f` throws a RangeError with exactly this message. */
function expectRangeError(f: () => unknown, message: string): void {
  let thrown: unknown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(RangeError);
  expect((thrown as RangeError).message).toBe(message);
}

describe('nearestPoint', () => {
  const spread = datasetFromRows([
    [0, 0, 0],
    [3, 0, 1],
    [0, 4, 0],
    [10, 10, 1],
  ]);

  it('finds the nearest point wherever it sits in the set', () => {
    expect(nearestPoint(spread, 0.1, 0.2)).toBe(0);
    expect(nearestPoint(spread, 2.9, 0.5)).toBe(1);
    expect(nearestPoint(spread, -0.5, 3.5)).toBe(2);
    expect(nearestPoint(spread, 10, 9)).toBe(3);
  });

  it('weighs both coordinates: the nearest in one of them alone may be farther overall', () => {
    // From (0, 0): (1, 0.5) lies 1.25² away; (10, 0.4) is nearer in x2 only, (0.4, 10) nearer in x1 only.
    const d = datasetFromRows([
      [10, 0.4, 0],
      [0.4, 10, 0],
      [1, 0.5, 1],
    ]);
    expect(nearestPoint(d, 0, 0)).toBe(2);
    expect(nearestPoint(d, 10, 1)).toBe(0);
    expect(nearestPoint(d, 1, 10)).toBe(1);
  });

  it('picks the first of equally near points', () => {
    const d = datasetFromRows([
      [5, 5, 0],
      [1, 0, 0],
      [-1, 0, 1],
      [0, 1, 1],
    ]);
    expect(nearestPoint(d, 0, 0)).toBe(1);
  });

  it('gives −1 for an empty set and 0 for a single point', () => {
    const empty: Dataset = { points: new Float64Array(0), targets: new Uint8Array(0) };
    expect(nearestPoint(empty, 0, 0)).toBe(-1);
    expect(nearestPoint(datasetFromRows([[7, -7, 1]]), 0, 0)).toBe(0);
  });
});

describe('addPoint', () => {
  it('refuses a point with NaN in either coordinate', () => {
    const message = 'a point needs two numbers, x1 and x2';
    expectRangeError(() => addPoint(fresh(), Number.NaN, 0, 0), message);
    expectRangeError(() => addPoint(fresh(), 0, Number.NaN, 1), message);
    expectRangeError(() => addPoint(fresh(), Number.NaN, Number.NaN, 1), message);
  });

  it('moves a point beyond the accepted coordinates to the nearest accepted place', () => {
    const out = addPoint(fresh(), 2e9, Number.NEGATIVE_INFINITY, 0).data;
    expect(contents(out)).toEqual({ points: [0, 0, 1, 1, 2, 0, 1e9, -1e9], targets: [0, 1, 0, 0] });
  });

  it('records its parent and the point added, as stored', () => {
    const parent = fresh();
    expect(lineageOf(parent)).toBeUndefined();
    const out = addPoint(parent, 5, -3e9, 1).data;
    const lineage = lineageOf(out);
    expect(lineage?.parent).toBe(parent);
    expect(lineage).toStrictEqual({ parent, added: [5, -1e9, 1] });
  });

  it('hands over the summary, one point larger, when the parent had one', () => {
    const parent = fresh();
    summaryOf(parent);
    const out = addPoint(parent, 5, -1, 1).data;
    expect(hasSummary(out)).toBe(true);
    const expected = {
      n: 4,
      ones: 2,
      bounds: [
        [0, 5],
        [-1, 1],
      ],
      moments: [30, -4, 2, 8, 0],
    };
    expect(summaryOf(out)).toEqual(expected);
    expect(addRange(emptySummary(), out, 0, 4)).toEqual(expected);
  });

  it('leaves the summary to be computed when needed if the parent had none', () => {
    const parent = fresh();
    const out = addPoint(parent, 5, -1, 1).data;
    expect(hasSummary(out)).toBe(false);
    expect(hasSummary(parent)).toBe(false);
  });
});

describe('removePoint', () => {
  it('removes nothing at an index that is not a sample', () => {
    const d = fresh();
    for (const index of [-1, 3, 4, 1.5, Number.NaN]) expect(removePoint(d, index)).toBeUndefined();
  });

  it('removes the first point by moving the last one into its place', () => {
    const out = removePoint(fresh(), 0);
    expect(out?.change).toEqual({ kind: 'swap-remove', index: 0 });
    expect(contents(out!.data)).toEqual({ points: [2, 0, 1, 1], targets: [0, 1] });
  });

  it('removes the last point without moving any other', () => {
    const out = removePoint(fresh(), 2);
    expect(out?.change).toEqual({ kind: 'swap-remove', index: 2 });
    expect(contents(out!.data)).toEqual({ points: [0, 0, 1, 1], targets: [0, 1] });
  });

  it('records its parent and the point removed', () => {
    const parent = fresh();
    const out = removePoint(parent, 1)!.data;
    expect(lineageOf(out)?.parent).toBe(parent);
    expect(lineageOf(out)).toStrictEqual({ parent, removed: [1, 1, 1] });
  });

  it('hands over the summary, one point smaller, when the parent had one (the box stays)', () => {
    const parent = fresh();
    summaryOf(parent);
    const out = removePoint(parent, 1)!.data;
    expect(hasSummary(out)).toBe(true);
    expect(summaryOf(out)).toEqual({
      n: 2,
      ones: 0,
      bounds: [
        [0, 2],
        [0, 1],
      ],
      moments: [4, 0, 0, 2, 0],
    });
  });

  it('leaves the summary to be computed when needed if the parent had none', () => {
    const parent = fresh();
    const out = removePoint(parent, 1)!.data;
    expect(hasSummary(out)).toBe(false);
    expect(hasSummary(parent)).toBe(false);
  });
});

describe('insertPoint', () => {
  it('refuses an index outside 0 … n', () => {
    for (const index of [-1, 4, 1.5, Number.NaN]) {
      expectRangeError(
        () => insertPoint(fresh(), index, [9, 9, 1]),
        `a point can go back at index 0 … 3, not ${index}`,
      );
    }
  });

  it('puts a point back inside, the sample there moving to the end', () => {
    const out = insertPoint(fresh(), 1, [7, 8, 0]);
    expect(out.change).toEqual({ kind: 'unswap', index: 1 });
    expect(contents(out.data)).toEqual({ points: [0, 0, 7, 8, 2, 0, 1, 1], targets: [0, 0, 0, 1] });
  });

  it('appends at index n', () => {
    const out = insertPoint(fresh(), 3, [7, 8, 1]);
    expect(out.change).toEqual({ kind: 'append' });
    expect(contents(out.data)).toEqual({ points: [0, 0, 1, 1, 2, 0, 7, 8], targets: [0, 1, 0, 1] });
  });

  it('records its parent and the point put back', () => {
    const parent = fresh();
    const inside = insertPoint(parent, 0, [7, 8, 1]).data;
    expect(lineageOf(inside)?.parent).toBe(parent);
    expect(lineageOf(inside)).toStrictEqual({ parent, added: [7, 8, 1] });
    const atEnd = insertPoint(parent, 3, [7, 8, 0]).data;
    expect(lineageOf(atEnd)).toStrictEqual({ parent, added: [7, 8, 0] });
  });

  it('hands over the summary, one point larger, when the parent had one', () => {
    const parent = fresh();
    summaryOf(parent);
    const out = insertPoint(parent, 1, [-2, 3, 1]).data;
    expect(hasSummary(out)).toBe(true);
    const expected = {
      n: 4,
      ones: 2,
      bounds: [
        [-2, 2],
        [0, 3],
      ],
      moments: [9, -5, 10, 1, 4],
    };
    expect(summaryOf(out)).toEqual(expected);
    expect(addRange(emptySummary(), out, 0, 4)).toEqual(expected);
  });

  it('leaves the summary to be computed when needed if the parent had none', () => {
    const parent = fresh();
    const out = insertPoint(parent, 1, [-2, 3, 1]).data;
    expect(hasSummary(out)).toBe(false);
    expect(hasSummary(parent)).toBe(false);
  });
});

describe('redoEdit and undoEdit', () => {
  it('redoes an addition with the class it had', () => {
    expect(contents(redoEdit(fresh(), { kind: 'add', point: [4, 5, 1] }).data)).toEqual({
      points: [0, 0, 1, 1, 2, 0, 4, 5],
      targets: [0, 1, 0, 1],
    });
    expect(contents(redoEdit(fresh(), { kind: 'add', point: [4, 5, 0] }).data)).toEqual({
      points: [0, 0, 1, 1, 2, 0, 4, 5],
      targets: [0, 1, 0, 0],
    });
  });

  it('redoes a removal at the same index', () => {
    const out = redoEdit(fresh(), { kind: 'remove', index: 0, point: [0, 0, 0] });
    expect(out.change).toEqual({ kind: 'swap-remove', index: 0 });
    expect(contents(out.data)).toEqual({ points: [2, 0, 1, 1], targets: [0, 1] });
  });

  it('refuses to redo a removal of a point that is not there', () => {
    expectRangeError(
      () => redoEdit(fresh(), { kind: 'remove', index: 3, point: [0, 0, 0] }),
      'there is no point 3 to remove again',
    );
  });

  it('undoes an addition by removing the last point, and a removal by putting the point back', () => {
    const added = undoEdit(fresh(), { kind: 'add', point: [2, 0, 0] });
    expect(added.change).toEqual({ kind: 'swap-remove', index: 2 });
    expect(contents(added.data)).toEqual({ points: [0, 0, 1, 1], targets: [0, 1] });
    const removed = undoEdit(fresh(), { kind: 'remove', index: 1, point: [7, 8, 0] });
    expect(removed.change).toEqual({ kind: 'unswap', index: 1 });
    expect(contents(removed.data)).toEqual({ points: [0, 0, 7, 8, 2, 0, 1, 1], targets: [0, 0, 0, 1] });
  });

  it('refuses to undo an addition on an empty set', () => {
    const empty: Dataset = { points: new Float64Array(0), targets: new Uint8Array(0) };
    expectRangeError(() => undoEdit(empty, { kind: 'add', point: [0, 0, 0] }), 'there is no added point to take back');
  });
});

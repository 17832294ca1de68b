import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addRange,
  classCounts,
  emptySummary,
  hasSummary,
  rememberSummary,
  summaryOf,
  withoutPoint,
  withPoint,
} from './data-summary';
import { datasetFromRows } from './dataset';
import { addPoint, lineageOf, nearestPoint, removePoint } from './edit';
import { generateGaussians, generateGaussiansInSlices, TUTORIAL_GAUSSIANS } from './gaussians';

function close(a: readonly number[], b: readonly number[]): void {
  for (const [i, v] of a.entries()) expect(v).toBeCloseTo(b[i]!, 6);
}

describe('data summaries', () => {
  it('count the classes, bound the points and sum x xᵀ', () => {
    const data = datasetFromRows([
      [1, 2, 0],
      [-3, 0.5, 1],
      [2, -1, 1],
    ]);
    const s = summaryOf(data);
    expect(s).toMatchObject({
      n: 3,
      ones: 2,
      bounds: [
        [-3, 2],
        [-1, 2],
      ],
    });
    close(s.moments, [1 + 9 + 4, 2 - 1.5 - 2, 4 + 0.25 + 1, 0, 1.5]);
    expect(classCounts(data)).toEqual([1, 2]);
  });

  it('bound points whose extremes lie inside the list, not first or last', () => {
    const data = datasetFromRows([
      [0, 0, 0],
      [5, -7, 1],
      [-6, 8, 0],
      [1, 1, 1],
    ]);
    expect(summaryOf(data).bounds).toEqual([
      [-6, 5],
      [-7, 8],
    ]);
  });

  it('take a point out and put one in exactly', () => {
    // The three points of the first test: moments [14, −1.5, 5.25, 0, 1.5].
    const s = summaryOf(
      datasetFromRows([
        [1, 2, 0],
        [-3, 0.5, 1],
        [2, -1, 1],
      ]),
    );
    // Without (2, −1, t = 1): the sums over (1, 2) and (−3, 0.5). The box stays as it was.
    expect(withoutPoint(s, 2, -1, 1)).toEqual({
      n: 2,
      ones: 1,
      bounds: [
        [-3, 2],
        [-1, 2],
      ],
      moments: [1 + 9, 2 - 1.5, 4 + 0.25, 1 - 3, 2 + 0.5],
    });
    // With (4, −2, t = 0): the box grows to hold it.
    expect(withPoint(s, 4, -2, 0)).toEqual({
      n: 4,
      ones: 2,
      bounds: [
        [-3, 4],
        [-2, 2],
      ],
      moments: [14 + 16, -1.5 - 8, 5.25 + 4, 0 + 4, 1.5 - 2],
    });
  });

  it('keep a summary handed over with the data instead of summing them again', () => {
    const data = datasetFromRows([[1, 1, 1]]);
    expect(hasSummary(data)).toBe(false);
    // A summary that a pass over the data would not give (a box left larger by a removal, say).
    const handed = withPoint(emptySummary(), 9, 9, 1);
    rememberSummary(data, handed);
    expect(hasSummary(data)).toBe(true);
    expect(summaryOf(data)).toBe(handed);
  });

  it('come with data drawn in slices, equal to a pass over them', async () => {
    const settings = { ...TUTORIAL_GAUSSIANS, perClass: 3000, seed: 9 };
    const sliced = await generateGaussiansInSlices(settings, { slice: 700, pause: async () => undefined });
    if (!sliced) throw new Error('cancelled');
    expect(hasSummary(sliced)).toBe(true);
    const again = addRange(emptySummary(), generateGaussians(settings), 0, 6000);
    expect(summaryOf(sliced)).toEqual(again);
  });

  it('follow edits in constant time and agree with a fresh pass', () => {
    const coord = fc.double({ min: -50, max: 50, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coord, coord, fc.constantFrom(0 as const, 1 as const)), { minLength: 3, maxLength: 30 }),
        fc.array(fc.tuple(fc.boolean(), coord, coord), { maxLength: 10 }),
        (rows, edits) => {
          let data = datasetFromRows(rows);
          summaryOf(data);
          for (const [add, x1, x2] of edits) {
            const next = add ? addPoint(data, x1, x2, 1) : removePoint(data, nearestPoint(data, x1, x2));
            if (!next || next.data.targets.length < 2) continue;
            expect(lineageOf(next.data)?.parent).toBe(data);
            data = next.data;
            expect(hasSummary(data)).toBe(true);
          }
          const kept = summaryOf(data);
          const fresh = addRange(emptySummary(), data, 0, data.targets.length);
          expect(kept.n).toBe(fresh.n);
          expect(kept.ones).toBe(fresh.ones);
          for (const [i, v] of kept.moments.entries()) {
            expect(Math.abs(v - fresh.moments[i]!)).toBeLessThan(1e-6 * (1 + Math.abs(v)));
          }
          // The kept box still holds every point.
          expect(kept.bounds[0][0]).toBeLessThanOrEqual(fresh.bounds[0][0]);
          expect(kept.bounds[1][1]).toBeGreaterThanOrEqual(fresh.bounds[1][1]);
        },
      ),
    );
  });
});

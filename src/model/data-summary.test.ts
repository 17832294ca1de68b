import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRange, classCounts, emptySummary, hasSummary, summaryOf } from './data-summary';
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

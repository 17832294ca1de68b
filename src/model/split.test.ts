import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset';
import { generateGaussians, TUTORIAL_GAUSSIANS } from './gaussians';
import { SPLIT_SEED, splitData, splitScore } from './split';
import { tutorialDataset } from './tutorial-data';

const rows = (d: { points: Float64Array; targets: Uint8Array }) =>
  Array.from(d.targets, (t, i) => [d.points[2 * i]!, d.points[2 * i + 1]!, t]);

describe('the held-out test set', () => {
  const data = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 5000, seed: 3 });

  it('holds out about the fraction asked for, every point on exactly one side, in its order', () => {
    for (const fraction of [0.1, 0.3, 0.9]) {
      const { train, test } = splitData(data, fraction);
      expect(train.targets.length + test.targets.length).toBe(10_000);
      expect(Math.abs(test.targets.length / 10_000 - fraction), `fraction ${fraction}`).toBeLessThan(0.02);
      const all = new Set(rows(data).map((r) => r.join()));
      const seen = [...rows(train), ...rows(test)].map((r) => r.join());
      expect(new Set(seen)).toEqual(all);
    }
  });

  it('is deterministic by seed: the same split every time, another for another seed', () => {
    const a = splitData(data, 0.3);
    expect(splitData(data, 0.3)).toEqual(a);
    expect(splitData(data, 0.3, SPLIT_SEED + 1).test.points).not.toEqual(a.test.points);
  });

  it('depends on the point alone: other points added or removed move no point across, nor does −0', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (x1, x2) => {
          const u = splitScore(x1, x2);
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThan(1);
          expect(splitScore(x1 === 0 ? -0 : x1, x2)).toBe(u);
        },
      ),
    );
    const tutorial = tutorialDataset();
    const fewer = datasetFromRows(rows(tutorial).slice(5) as [number, number, 0 | 1][]);
    const heldOut = new Set(rows(splitData(tutorial, 0.4).test).map((r) => r.join()));
    for (const r of rows(splitData(fewer, 0.4).test)) expect(heldOut.has(r.join())).toBe(true);
  });

  it('holds out nothing at 0, or where training would keep fewer than two points', () => {
    const none = splitData(data, 0);
    expect(none.train).toBe(data);
    expect(none.test.targets.length).toBe(0);
    const two = datasetFromRows([
      [1, 2, 0],
      [3, 4, 1],
    ]);
    expect(splitData(two, 0.9).train).toBe(two);
  });
});

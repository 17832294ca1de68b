import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../model/dataset';
import { tutorialDataset } from '../model/tutorial-data';
import { DEFAULT_DOMAIN, plotDomain } from './plot-domain';

describe('plotDomain', () => {
  it('frames the tutorial data as the tutorial does, in [−4, 4]²', () => {
    expect(plotDomain(tutorialDataset())).toEqual({ x: [-4, 4], y: [-4, 4] });
  });

  it('leaves the origin when the data sit far from it', () => {
    const d = plotDomain(
      datasetFromRows([
        [100, 50, 0],
        [102, 53, 1],
      ]),
    );
    expect(d.x[0]).toBeGreaterThan(90);
    expect(d.y[1]).toBeLessThan(60);
  });

  it('falls back to the tutorial window without data', () => {
    expect(plotDomain({ points: new Float64Array(0), targets: new Uint8Array(0) })).toEqual(DEFAULT_DOMAIN);
  });

  it('always holds every point in a square', () => {
    const coord = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { minLength: 1, maxLength: 20 }), (pts) => {
        const data = datasetFromRows(pts.map(([a, b]) => [a, b, 0] as const));
        const d = plotDomain(data);
        expect(d.x[1] - d.x[0]).toBeCloseTo(d.y[1] - d.y[0], 9);
        for (const [a, b] of pts) {
          expect(a).toBeGreaterThanOrEqual(d.x[0]);
          expect(a).toBeLessThanOrEqual(d.x[1]);
          expect(b).toBeGreaterThanOrEqual(d.y[0]);
          expect(b).toBeLessThanOrEqual(d.y[1]);
        }
      }),
    );
  });
});

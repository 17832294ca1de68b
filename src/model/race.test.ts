import { describe, expect, it } from 'vitest';
import { iterationsReaching, REACHED, rivalsDiffer } from './race';

describe('iterationsReaching', () => {
  const trail = (...losses: number[]) => losses.map((loss, iteration) => ({ iteration, loss }));

  it('gives each racer the first iteration within a thousandth of the best cost any racer reached', () => {
    const best = 10;
    expect(iterationsReaching([trail(50, 20, 10 * (1 + REACHED / 2)), trail(40, best), trail(60, 30, 12)])).toEqual([
      2,
      1,
      undefined,
    ]);
    // Just outside the tolerance is not reached.
    expect(iterationsReaching([trail(10), trail(10 * (1 + 2 * REACHED))])).toEqual([0, undefined]);
  });

  it('leaves out costs that are not finite, and says nothing when none is', () => {
    expect(iterationsReaching([trail(Number.NaN, 5), trail(Number.POSITIVE_INFINITY, 6)])).toEqual([1, undefined]);
    expect(iterationsReaching([trail(Number.NaN)])).toEqual([undefined]);
  });
});

describe('rivalsDiffer', () => {
  const gd = { optimizer: 'gd', learningRate: 0.05 } as const;
  it('looks past racer 1, the model, and at every other racer', () => {
    expect(rivalsDiffer([gd, gd], [{ ...gd, learningRate: 0.1 }, gd])).toBe(false);
    expect(rivalsDiffer([gd, gd], [gd, { ...gd, learningRate: 0.1 }])).toBe(true);
    expect(rivalsDiffer([gd, gd], [gd, gd, gd])).toBe(true);
    expect(rivalsDiffer([], [])).toBe(false);
  });
});

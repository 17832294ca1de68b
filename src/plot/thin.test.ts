import { describe, expect, it } from 'vitest';
import { thinForDisplay } from './thin';

const series = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => ({ i, v: f(i) }));

describe('thinForDisplay', () => {
  it('keeps a series that fits whole', () => {
    const s = series(11, (i) => 100 - i);
    expect(
      thinForDisplay(
        s,
        (e) => e.i,
        (e) => e.v,
        300,
      ),
    ).toBe(s);
  });

  it('keeps at most two points a column, the first, the last and every spike', () => {
    const s = series(100_000, (i) => (i === 54_321 ? 1e6 : 1 / (i + 1)));
    const thin = thinForDisplay(
      s,
      (e) => e.i,
      (e) => e.v,
      400,
    );
    expect(thin.length).toBeLessThanOrEqual(800);
    expect(thin[0]?.i).toBe(0);
    expect(thin.at(-1)?.i).toBe(99_999);
    expect(thin.some((e) => e.v === 1e6)).toBe(true);
    const order = thin.map((e) => e.i);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

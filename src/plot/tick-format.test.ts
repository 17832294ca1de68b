import { describe, expect, it } from 'vitest';
import { tickFormat, tickNotation } from './tick-format';

const labels = (ticks: number[], log = false) => ticks.map(tickFormat(ticks, log));

describe('tickFormat', () => {
  it('writes an axis within 1e-3 … 1e5 in decimals, grouped by threes, with a real minus sign', () => {
    expect(labels([-1000, -500, 0, 500, 1000])).toEqual(['−1\u202f000', '−500', '0', '500', '1\u202f000']);
    expect(labels([0, 0.2, 0.4, 0.6])).toEqual(['0', '0.2', '0.4', '0.6']);
    expect(labels([-4, -2, 0, 2, 4])).toEqual(['−4', '−2', '0', '2', '4']);
    expect(labels([20_000, 40_000, 60_000])).toEqual(['20\u202f000', '40\u202f000', '60\u202f000']);
  });
  it('writes every tick of an axis that reaches 1e5 as a power of ten, with the digits that tell them apart', () => {
    expect(labels([0, 500_000, 1_000_000, 1_500_000])).toEqual(['0', '5e+5', '1e+6', '1.5e+6']);
    expect(labels([200_000, 400_000, 600_000])).toEqual(['2e+5', '4e+5', '6e+5']);
    expect(labels([0.0002, 0.0004, 0.0006])).toEqual(['2e-4', '4e-4', '6e-4']);
  });
  it('writes a log axis in one notation too: never 1e+6 beside 300000', () => {
    expect(labels([100_000, 200_000, 300_000, 1_000_000], true)).toEqual(['1e+5', '2e+5', '3e+5', '1e+6']);
    expect(labels([10, 20, 50, 100, 1000], true)).toEqual(['10', '20', '50', '100', '1\u202f000']);
    expect(labels([0.01, 0.1, 1, 10], true)).toEqual(['0.01', '0.1', '1', '10']);
    expect(labels([1e-10, 1e-5, 1], true)).toEqual(['1e-10', '1e-5', '1e+0']);
  });
  it('chooses the notation from the range', () => {
    expect(tickNotation([0, 50_000, 99_000])).toBe('fixed');
    expect(tickNotation([0, 50_000, 100_000])).toBe('exponent');
    expect(tickNotation([0, 0.001])).toBe('fixed');
    expect(tickNotation([0, 0.0005])).toBe('exponent');
    expect(tickNotation([])).toBe('fixed');
  });
  it('writes every tick, never throws, for degenerate axes: one value, equal ticks, extreme sizes', () => {
    for (const ticks of [[5], [5, 5], [0, 0], [1e-40, 1e-40], [1e300, 1e300], [-1e9, 1e9], [1e-39, 2e-39, 3e-39], []]) {
      for (const log of [false, true]) {
        const format = tickFormat(ticks, log);
        for (const t of ticks) expect(format(t), `${ticks} ${log}`).not.toMatch(/NaN|undefined/);
      }
    }
    expect(labels([5, 5])).toEqual(['5.00', '5.00']);
  });
});

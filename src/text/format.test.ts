import { describe, expect, it } from 'vitest';
import { countOf, formatNumber, formatPercent } from './format';

describe('formatNumber', () => {
  it('writes fixed decimals with a real minus sign', () => {
    expect(formatNumber(1.48541)).toBe('1.4854');
    expect(formatNumber(-2.01472)).toBe('−2.0147');
    expect(formatNumber(-0.00001)).toBe('0.0000');
    expect(formatNumber(12345678)).toBe('1.235e+7');
    expect(formatNumber(-318134.0625)).toBe('−318134.1');
    expect(formatNumber(1234.56789)).toBe('1234.5679');
  });
  it('never shows NaN or Infinity', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatPercent(0.85)).toBe('85.0 %');
  });
});

describe('countOf', () => {
  it('writes one thing in the singular and any other count in the plural, its digits grouped', () => {
    expect(countOf(1, 'point')).toBe('1 point');
    expect(countOf(0, 'point')).toBe('0 points');
    expect(countOf(2_000_000, 'point')).toBe('2\u202f000\u202f000 points');
    expect(countOf(1, 'request')).toBe('1 request');
    expect(countOf(3, 'child', 'children')).toBe('3 children');
  });
});

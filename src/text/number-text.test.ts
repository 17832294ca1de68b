import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLimit, parseNumberText } from './number-text';

describe('parseNumberText', () => {
  it.each([
    ['0.05', 0.05],
    [' 4 ', 4],
    ['−4', -4],
    ['-2.5', -2.5],
    ['+3', 3],
    ['.5', 0.5],
    ['1e-3', 0.001],
    ['1 000 000', 1_000_000],
    ['1\u00a0000\u00a0000', 1_000_000],
    ['1\u202f000', 1000],
    ['1,000,000', 1_000_000],
    ['−12,345.5', -12345.5],
    ['2 000.25', 2000.25],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each([
    '',
    'abc',
    '0,05',
    '0,500',
    '0 500',
    '1,5',
    '1,0000',
    '1 00',
    '10 00 000',
    '1e400',
    'Infinity',
    'NaN',
    '0x10',
    '1..2',
    '1,000 000',
  ])('refuses %j', (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });

  it('reads back every finite double that String() writes', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(parseNumberText(String(v))).toBe(v === 0 ? 0 : v);
      }),
    );
  });

  it('reads integers grouped by threes with spaces or commas', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (v) => {
        const grouped = v.toLocaleString('en-US');
        expect(parseNumberText(grouped)).toBe(v);
        expect(parseNumberText(grouped.replace(/,/g, ' '))).toBe(v);
      }),
    );
  });
});

describe('formatLimit', () => {
  it('writes small limits with an exponent', () => {
    expect(formatLimit(1e-6)).toBe('1e-6');
    expect(formatLimit(10)).toBe('10');
    expect(formatLimit(0)).toBe('0');
    expect(formatLimit(0.25)).toBe('0.25');
    expect(formatLimit(1000)).toBe('1000');
    expect(formatLimit(1_000_000)).toBe('1\u202f000\u202f000');
    expect(formatLimit(2 ** 31 - 1)).toBe('2\u202f147\u202f483\u202f647');
  });
});

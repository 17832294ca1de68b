import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs, seed, timeout } from '../fuzz/arbitraries';
import { MAX_NUMBER_LENGTH, readNumber, scanNumber } from './number-syntax';

const value = (text: string, grouped = false) => {
  const reading = readNumber(text, grouped);
  return reading.kind === 'number' ? reading.value : reading.kind;
};

describe('readNumber: one syntax for every door', () => {
  it.each([
    ['0.05', 0.05],
    ['-2.5', -2.5],
    ['−4', -4],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['1e-3', 0.001],
    ['1E+3', 1000],
    ['-0', -0],
    ['007', 7],
    ['  4  ', 4],
    ['5e-324', 5e-324],
    ['1e-400', 0],
  ])('reads %j as %d', (text, expected) => {
    expect(Object.is(value(text), expected)).toBe(true);
    expect(Object.is(value(text, true), expected)).toBe(true);
  });

  it.each([
    '',
    ' ',
    '.',
    '-',
    '+-1',
    '--1',
    '1e',
    '1e+',
    'e5',
    '.e5',
    '1..2',
    '1.2.3',
    '0x10',
    '0X1F',
    '0b101',
    '0o17',
    '1_000',
    'Infinity',
    '-Infinity',
    'NaN',
    '"1"',
    '1 2',
    '１',
    '1e5.5',
    '١',
  ])('refuses %j in CSV fields and typed text alike', (text) => {
    expect(value(text)).toBe('not-a-number');
    expect(value(text, true)).toBe('not-a-number');
  });

  it('says "too large", not "not a number", for a number beyond any double', () => {
    expect(value('1e309')).toBe('too-large');
    expect(value('-1e309')).toBe('too-large');
    expect(value(`1${'0'.repeat(99)}`)).toBe(1e99);
    expect(value(`9${'9'.repeat(99)}`, true)).toBe(1e100);
  });

  it('takes digit groups only where asked (typed text), and only proper ones', () => {
    expect(value('1 000 000', true)).toBe(1_000_000);
    expect(value('1,000,000', true)).toBe(1_000_000);
    expect(value('−12,345.5', true)).toBe(-12345.5);
    expect(value('1\u202f000.25', true)).toBe(1000.25);
    expect(value('1 000 000')).toBe('not-a-number');
    expect(value('1,000')).toBe('not-a-number');
    for (const bad of ['0,500', '0 500', '1,5', '1,0000', '1 00', '10 00 000', '1,000 000', '1 000e3', '1,000,']) {
      expect(value(bad, true)).toBe('not-a-number');
    }
  });

  it('reads back every finite double that String() writes, in both modes', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(Object.is(value(String(v)), v === 0 ? 0 : v)).toBe(true);
        expect(Object.is(value(String(v), true), v === 0 ? 0 : v)).toBe(true);
      }),
    );
  });

  it(
    'agrees with Number() on every text it accepts, and never gives NaN',
    () => {
      const chars = fc.constantFrom(...'0123456789+-.eE ,x'.split(''));
      fc.assert(
        fc.property(fc.string({ unit: chars, maxLength: 12 }), fc.boolean(), (text, grouped) => {
          const reading = readNumber(text, grouped);
          if (reading.kind === 'number') {
            expect(Number.isNaN(reading.value)).toBe(false);
            if (!grouped) expect(reading.value).toBe(Number(text.trim()));
          }
        }),
        { numRuns: runs(3000), seed: seed() },
      );
    },
    timeout(),
  );
});

describe('readNumber: linear work, bounded', () => {
  const digits = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
  const lastCharacter = fc.constantFrom('', 'z', '.', 'e', ',', ' 1', 'x');

  it(
    `refuses a number longer than ${MAX_NUMBER_LENGTH} characters without reading it`,
    () => {
      fc.assert(
        fc.property(digits(MAX_NUMBER_LENGTH + 1, 200_000), lastCharacter, fc.boolean(), (run, last, grouped) => {
          const scan = scanNumber(run + last, grouped);
          expect(scan.reading.kind).toBe('too-long');
          expect(scan.reads).toBe(0);
        }),
        { numRuns: runs(50), seed: seed() },
      );
    },
    timeout(),
  );

  it(
    'reads each character of a shorter text a few times at most, whatever the text',
    () => {
      const nearNumbers = fc.tuple(digits(0, MAX_NUMBER_LENGTH), lastCharacter).map(([run, last]) => run + last);
      const anyText = fc.string({ maxLength: MAX_NUMBER_LENGTH });
      const grouped = fc
        .array(fc.constantFrom('000', '123', '00', '0000', ',', ' ', '.', 'e'), { maxLength: 30 })
        .map((parts) => `1${parts.join('')}`);
      fc.assert(
        fc.property(fc.oneof(nearNumbers, anyText, grouped), fc.boolean(), (text, group) => {
          const { reads } = scanNumber(text, group);
          expect(reads).toBeLessThanOrEqual(4 * (text.trim().length + 1));
        }),
        { numRuns: runs(3000), seed: seed() },
      );
    },
    timeout(),
  );
});

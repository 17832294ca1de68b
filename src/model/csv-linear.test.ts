/**
 * The CSV parser's number reading does work linear in the text, whatever the
 * text: measured by counting the character reads of the one number reader
 * (no clock: the count is the same on any machine). The rest of a parse is
 * built-in splitting and trimming, linear by their definition.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { runs, seed, timeout } from '../fuzz/arbitraries';
import { CsvError, parseCsv } from './csv';

const work = vi.hoisted(() => ({ reads: 0, calls: 0 }));

vi.mock('../text/number-syntax', async (importOriginal) => {
  const original = await importOriginal<typeof import('../text/number-syntax')>();
  return {
    ...original,
    readNumber: (text: string, grouped?: boolean) => {
      const scan = original.scanNumber(text, grouped);
      work.reads += scan.reads;
      work.calls++;
      return scan.reading;
    },
  };
});

/** Parses (counting its work afresh), and says whether it answered with data or a CsvError (anything else fails). */
function answer(text: string): 'data' | 'refused' {
  work.reads = 0;
  work.calls = 0;
  try {
    parseCsv(text);
    return 'data';
  } catch (error) {
    expect(error).toBeInstanceOf(CsvError);
    return 'refused';
  }
}

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** Runs of digits of any length up to `max`, long ones as likely as short (a pattern repeated). */
const longDigits = (max: number) =>
  fc
    .tuple(fc.integer({ min: 1, max }), digits(1, 12))
    .map(([length, pattern]) => pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length));
const lastCharacter = fc.constantFrom('', 'z', '.', 'e', '-', '.5e', ' ');

describe('CSV parsing reads numbers in linear time', () => {
  it(
    'answers a file with one long field at once, doing work bounded by the field, not its square',
    () => {
      fc.assert(
        fc.property(
          longDigits(300_000),
          lastCharacter,
          fc.constantFrom(0, 1, 2),
          fc.boolean(),
          (run, last, column, dot) => {
            const field = `${dot ? '0.' : ''}${run}${last}`;
            const row = ['1', '1', '1'];
            row[column] = field;
            const text = `x1,x2,t\n0,0,0\n${row.join(',')}\n`;
            answer(text);
            // Three numbers a row, each read a few times at most per character, or not at all when too long.
            expect(work.reads).toBeLessThanOrEqual(4 * (text.length + 3 * work.calls));
            if (field.trim().length > 100) expect(work.reads).toBeLessThan(40);
          },
        ),
        { numRuns: runs(60), seed: seed() },
      );
    },
    timeout(),
  );

  it(
    'does work within a constant times the length for files of many long fields',
    () => {
      const row = fc.tuple(digits(1, 120), lastCharacter, digits(1, 120)).map(([a, last, b]) => `${a}${last},${b},1`);
      fc.assert(
        fc.property(fc.array(row, { minLength: 1, maxLength: 300 }), (rows) => {
          const text = `x1,x2,t\n0,0,0\n${rows.join('\n')}\n`;
          answer(text);
          expect(work.reads).toBeLessThanOrEqual(4 * (text.length + 3 * work.calls));
        }),
        { numRuns: runs(100), seed: seed() },
      );
    },
    timeout(),
  );
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, formatCsv, parseCsv } from './csv';
import { datasetFromRows } from './dataset';
import { TUTORIAL_CSV, tutorialDataset } from './tutorial-data';

const OK = 'x1,x2,t\n0.5,1,0\n-1,2.5,1\n';

/** Malformed inputs, each with the message (and line) the parser must give. */
const MALFORMED: Array<[name: string, text: string, message: RegExp]> = [
  ['empty', '', /empty/],
  ['only whitespace', ' \n\t\n', /empty/],
  ['only a BOM', '\uFEFF', /empty/],
  ['header only', 'x1,x2,t\n', /no data rows/],
  ['header only, blank lines', 'x1,x2,t\n\n\n', /no data rows/],
  ['missing header', '0.5,1,0\n1,1,1\n', /^Line 1: the header must be "x1,x2,t"/],
  ['wrong header names', 'a,b,c\n1,2,0\n', /^Line 1: the header/],
  ['header in other order', 'x2,x1,t\n1,2,0\n', /^Line 1: the header/],
  ['header with 4 columns', 'x1,x2,t,w\n1,2,0,1\n', /^Line 1: the header/],
  ['too few fields', 'x1,x2,t\n1,0\n1,1,1\n', /^Line 2: expected 3 fields.*found 2/],
  ['too many fields', 'x1,x2,t\n1,2,0\n1,2,1,4\n', /^Line 3: expected 3 fields.*found 4/],
  ['trailing comma', 'x1,x2,t\n1,2,0,\n3,4,1\n', /^Line 2: expected 3 fields/],
  ['semicolons', 'x1,x2,t\n1;2;0\n3,4,1\n', /^Line 2: expected 3 fields.*found 1/],
  ['NaN', 'x1,x2,t\nNaN,1,0\n1,1,1\n', /^Line 2: x1 is not a number: "NaN"/],
  ['Infinity', 'x1,x2,t\n1,Infinity,0\n1,1,1\n', /^Line 2: x2 is not a number: "Infinity"/],
  ['overflow to infinity', 'x1,x2,t\n1e400,1,0\n1,1,1\n', /^Line 2: x1 is out of range/],
  ['text in x1', 'x1,x2,t\n0,0,0\nabc,1,1\n', /^Line 3: x1 is not a number: "abc"/],
  ['text in t', 'x1,x2,t\n0,0,zero\n1,1,1\n', /^Line 2: t is not a number/],
  ['empty x2', 'x1,x2,t\n1,,0\n1,1,1\n', /^Line 2: x2 is empty/],
  ['empty t', 'x1,x2,t\n1,2,\n1,1,1\n', /^Line 2: t is empty/],
  ['t = 2', 'x1,x2,t\n1,2,2\n1,1,1\n', /^Line 2: t must be 0 or 1, found "2"/],
  ['t = -1', 'x1,x2,t\n1,2,0\n1,1,-1\n', /^Line 3: t must be 0 or 1/],
  ['t = 0.5', 'x1,x2,t\n1,2,0.5\n1,1,1\n', /^Line 2: t must be 0 or 1/],
  ['only class 0', 'x1,x2,t\n1,2,0\n3,4,0\n', /every point has t = 0/],
  ['only class 1', 'x1,x2,t\n1,2,1\n', /every point has t = 1/],
  ['hex number', 'x1,x2,t\n0x10,1,0\n1,1,1\n', /^Line 2: x1 is not a number/],
  ['two dots', 'x1,x2,t\n1.2.3,1,0\n1,1,1\n', /^Line 2: x1 is not a number/],
  ['quoted number', 'x1,x2,t\n"1",1,0\n1,1,1\n', /^Line 2: x1 is not a number/],
  ['thousands separator', 'x1,x2,t\n1 000,1,0\n1,1,1\n', /^Line 2: x1 is not a number/],
  ['error after blank lines keeps the line number', 'x1,x2,t\n\n\n1,2,7\n', /^Line 4: t must be 0 or 1/],
  ['CRLF keeps the line number', 'x1,x2,t\r\n1,2,0\r\n1,x,1\r\n', /^Line 3: x2 is not a number/],
];

describe('parseCsv rejects malformed input with the line and the problem', () => {
  it.each(MALFORMED)('%s', (_name, text, message) => {
    let thrown: unknown;
    try {
      parseCsv(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CsvError);
    expect((thrown as Error).message).toMatch(message);
  });

  it('truncates a long field in the message', () => {
    expect(() => parseCsv(`x1,x2,t\n${'9'.repeat(30)}z,1,0\n`)).toThrow(/"9{24}…"/);
  });
});

describe('parseCsv accepts the variants people write', () => {
  const expected = datasetFromRows([
    [0.5, 1, 0],
    [-1, 2.5, 1],
  ]);
  const variants: Array<[string, string]> = [
    ['plain', OK],
    ['UTF-8 BOM', `\uFEFF${OK}`],
    ['CRLF line ends', OK.replace(/\n/g, '\r\n')],
    ['old Mac CR line ends', OK.replace(/\n/g, '\r')],
    ['no final newline', OK.trimEnd()],
    ['trailing blank lines', `${OK}\n\n  \n`],
    ['leading blank lines', `\n\n${OK}`],
    ['spaces around fields', 'x1 , x2 , t\n 0.5 ,\t1, 0 \n-1,  2.5 ,1\n'],
    ['upper-case header', 'X1,X2,T\n0.5,1,0\n-1,2.5,1\n'],
    ['explicit signs and exponents', 'x1,x2,t\n+5e-1,1.0e0,0\n-1.,25E-1,1.0\n'],
  ];
  it.each(variants)('%s', (_name, text) => {
    const data = parseCsv(text);
    expect(Array.from(data.points)).toEqual(Array.from(expected.points));
    expect(Array.from(data.targets)).toEqual(Array.from(expected.targets));
  });

  it('reads the bundled tutorial data', () => {
    expect(tutorialDataset().points[0]).toBe(0.9492144363958899);
    expect(TUTORIAL_CSV.startsWith('x1,x2,t')).toBe(true);
  });
});

describe('parseCsv, property-based', () => {
  it('never throws anything but a descriptive CsvError', () => {
    const pieces = fc.constantFrom(
      'x1',
      'x2',
      't',
      ',',
      '\n',
      '\r\n',
      ' ',
      '0',
      '1',
      '2',
      '-',
      '.',
      'e',
      'NaN',
      '\uFEFF',
    );
    const csvLike = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), csvLike), (text) => {
        try {
          const data = parseCsv(text);
          expect(data.targets.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvError);
          expect((error as Error).message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every valid data set exactly', () => {
    const row = fc.tuple(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.array(row, { minLength: 1, maxLength: 30 }),
        (zeros, ones) => {
          const rows = [...zeros.map(([a, b]) => [a, b, 0] as const), ...ones.map(([a, b]) => [a, b, 1] as const)];
          const data = datasetFromRows(rows);
          const back = parseCsv(formatCsv(data));
          // Object.is keeps −0 distinct from 0: the round trip must be exact.
          expect(Array.from(back.points).every((v, i) => Object.is(v, data.points[i]))).toBe(true);
          expect(Array.from(back.targets)).toEqual(Array.from(data.targets));
        },
      ),
    );
  });
});

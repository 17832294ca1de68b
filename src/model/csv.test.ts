import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coordinate } from '../fuzz/arbitraries';
import {
  CSV_MAX_LINE_LENGTH,
  CSV_MAX_ROWS,
  CsvError,
  type CsvMapping,
  CsvReader,
  formatCsv,
  parseCsv,
  UTF16_REFUSED,
} from './csv';
import { type Dataset, datasetFromRows } from './dataset';
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
  [
    'finite, but beyond what float32 carries',
    'x1,x2,t\n0,0,0\n1e39,1,1\n',
    /^Line 3: x1 is out of range: "1e39" \(coordinates must lie within ±1e9\)$/,
  ],
  ['just past the range', 'x1,x2,t\n0,-1000000000.0001,0\n1,1,1\n', /^Line 2: x2 is out of range: .* ±1e9/],
  ['the largest double', 'x1,x2,t\n0,0,0\n1.7976931348623157e308,1,1\n', /^Line 3: x1 is out of range/],
  ['t beyond any double', 'x1,x2,t\n0,0,0\n1,1,1e400\n', /^Line 3: t must be 0 or 1, found "1e400"/],
  [
    'a field over the cap',
    `x1,x2,t\n0,0,0\n1,${'1'.repeat(101)},1\n`,
    /^Line 3: x2 is too long: "1{24}…" \(a number has at most 100 characters\)$/,
  ],
  ['a 100 000-digit field', `x1,x2,t\n${'1'.repeat(100_000)}z,0,0\n1,1,1\n`, /^Line 2: x1 is too long/],
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
    expect((thrown as Error).name).toBe('CsvError');
  });

  it('keeps the problem and the line apart, for a page that shows them apart', () => {
    let thrown: unknown;
    try {
      parseCsv('x1,x2,t\n0,0,0\n1,x,1\n');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CsvError);
    const { problem, line, message } = thrown as CsvError;
    expect({ problem, line, message }).toEqual({
      problem: 'x2 is not a number: "x"',
      line: 3,
      message: 'Line 3: x2 is not a number: "x"',
    });
  });

  it('quotes a wrong header as it was written', () => {
    expect(() => parseCsv('a,B,c\n1,2,0\n')).toThrow(new CsvError('the header must be "x1,x2,t", found "a,B,c"', 1));
    // A header that starts right but stops short is refused too, not read as x1,x2 with rows of three.
    expect(() => parseCsv('x1,x2\n1,2,0\n3,4,1\n')).toThrow(
      new CsvError('the header must be "x1,x2,t", found "x1,x2"', 1),
    );
  });

  it('truncates a long field in the message', () => {
    expect(() => parseCsv(`x1,x2,t\n${'9'.repeat(30)}z,1,0\n`)).toThrow(/"9{24}…"/);
  });

  it('writes a count of one in the singular', () => {
    expect(() => parseCsv('a\n1\n', { x1: 0, x2: 1, t: 2, header: true })).toThrow(
      /^Line 1: x2 is to come from column 2, but the row has 1 field$/,
    );
  });

  it(`accepts a line of exactly ${CSV_MAX_LINE_LENGTH} characters, however it ends or is cut`, () => {
    const longest = `${' '.repeat(CSV_MAX_LINE_LENGTH - 5)}1,1,1`;
    const text = `x1,x2,t\r\n0,0,0\r\n${longest}\r\n`;
    for (const whole of [text, text.trimEnd()]) expect(parseCsv(whole).targets).toEqual(new Uint8Array([0, 1]));
    // Cut between the CR and the LF of that line: the CR is not counted as part of the line.
    const reader = new CsvReader();
    reader.push(text.slice(0, -1));
    reader.push('\n');
    expect(reader.finish().targets).toEqual(new Uint8Array([0, 1]));
  });

  it(`refuses a line of ${CSV_MAX_LINE_LENGTH} + 1 characters, read whole or as it comes`, () => {
    const tooLong = `${' '.repeat(CSV_MAX_LINE_LENGTH - 4)}1,1,1`;
    const refusal = new CsvError('the line is longer than 1\u202f048\u202f576 characters', 3);
    expect(() => parseCsv(`x1,x2,t\n0,0,0\n${tooLong}\n`)).toThrow(refusal);
    const reader = new CsvReader();
    reader.push('x1,x2,t\n0,0,0\n');
    reader.push(tooLong.slice(0, -1));
    // The line has no end yet, but it is already too long.
    expect(() => reader.push(tooLong.slice(-1))).toThrow(refusal);
  });

  it(`refuses a line longer than ${CSV_MAX_LINE_LENGTH} characters as it comes, however the text is cut`, () => {
    const reader = new CsvReader();
    reader.push('x1,x2,t\n0,0,0\n');
    const piece = '1'.repeat(256 * 1024);
    let pushed = 0;
    expect(() => {
      for (; pushed < 40; pushed++) reader.push(piece);
    }).toThrow(/^Line 3: the line is longer than 1.048.576 characters$/);
    // Refused once the line outgrew the cap, not after all 10 MiB had come.
    expect(pushed).toBe(4);
    expect(() => parseCsv(`x1,x2,t\n${' '.repeat(CSV_MAX_LINE_LENGTH)}1,1,0\n`)).toThrow(/^Line 2: the line is longer/);
  });
});

describe('parseCsv keeps coordinates within what both engines carry', () => {
  const read = (x1: string, x2: string) => {
    const data = parseCsv(`x1,x2,t\n${x1},${x2},0\n1,1,1\n`);
    return [data.points[0], data.points[1]];
  };

  it('accepts the edges of the range exactly', () => {
    expect(read('1e9', '-1e9')).toEqual([1e9, -1e9]);
    expect(read('1000000000', '-1000000000.0')).toEqual([1e9, -1e9]);
    expect(read('1.1754943508222875e-38', '-1.1754943508222875e-38')).toEqual([2 ** -126, -(2 ** -126)]);
  });

  it('reads a coordinate below the smallest normal float32 as 0, keeping its sign, as the GPU would', () => {
    const [a, b] = read('5e-324', '-1e-40');
    expect(Object.is(a, 0)).toBe(true);
    expect(Object.is(b, -0)).toBe(true);
    const [c, d] = read('-0', '0.0');
    expect(Object.is(c, -0)).toBe(true);
    expect(Object.is(d, 0)).toBe(true);
  });

  it('takes the real minus sign the readouts print, as a typed field does', () => {
    expect(read('−4', '−0.5')).toEqual([-4, -0.5]);
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
    const row = fc.tuple(coordinate(), coordinate());
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

describe('parseCsv with a mapping (the import dialog says which column is which)', () => {
  const expected = datasetFromRows([
    [0.5, 2, 1],
    [-1, 3, 0],
  ]);
  const same = (text: string, mapping: CsvMapping) => {
    const data = parseCsv(text, mapping);
    expect(Array.from(data.points)).toEqual(Array.from(expected.points));
    expect(Array.from(data.targets)).toEqual(Array.from(expected.targets));
  };

  it('reads other names, the label first', () => {
    same('label,a,b\n1,0.5,2\n0,-1,3\n', { x1: 1, x2: 2, t: 0, header: true });
  });

  it('reads a file without a header', () => {
    same('0.5,2,1\n-1,3,0\n', { x1: 0, x2: 1, t: 2, header: false });
  });

  it('leaves out the columns not chosen, text in them too', () => {
    same('id,note,b,a,t\n7,first,2,0.5,1\n8,ünïcode,3,-1,0\n', { x1: 3, x2: 2, t: 4, header: true });
  });

  it('reads a header that happens to be x1,x2,t like the default', () => {
    same('x1,x2,t\n0.5,2,1\n-1,3,0\n', { x1: 0, x2: 1, t: 2, header: true });
  });

  const MAPPED_MALFORMED: Array<[name: string, text: string, mapping: CsvMapping, message: RegExp]> = [
    [
      'text in a chosen column names the column',
      'a,b,label\n1,2,0\nabc,1,1\n',
      { x1: 0, x2: 1, t: 2, header: true },
      /^Line 3: x1 \(column "a"\) is not a number: "abc"/,
    ],
    [
      'a bad t without a header names the column by number',
      '1,2,0\n1,2,5\n',
      { x1: 0, x2: 1, t: 2, header: false },
      /^Line 2: t \(column 3\) must be 0 or 1, found "5"/,
    ],
    ['an empty field', 'p,q,r\n1,,0\n', { x1: 0, x2: 1, t: 2, header: true }, /^Line 2: x2 \(column "q"\) is empty/],
    [
      'a row shorter than the first',
      'a,b,c,d\n1,2,0,9\n\n1,2,1\n',
      { x1: 0, x2: 1, t: 2, header: true },
      /^Line 4: expected 4 fields, as on line 1, found 3/,
    ],
    [
      'a column past the end',
      'a,b\n1,2\n',
      { x1: 0, x2: 1, t: 2, header: true },
      /^Line 1: t is to come from column 3, but the row has 2 fields/,
    ],
    ['the same column twice', 'a,b,c\n1,2,0\n', { x1: 0, x2: 0, t: 2, header: true }, /three different columns/],
    ['empty, with a header', '\n \n', { x1: 0, x2: 1, t: 2, header: true }, /empty: expected a header and data rows/],
    ['empty, without a header', '', { x1: 0, x2: 1, t: 2, header: false }, /empty: expected data rows/],
    ['a header alone', 'a,b,c\n', { x1: 0, x2: 1, t: 2, header: true }, /no data rows/],
    [
      'one class only',
      'a,b,label\n1,2,0\n3,4,0\n',
      { x1: 0, x2: 1, t: 2, header: true },
      /every point has t \(column "label"\) = 0/,
    ],
    [
      'a header read as data',
      'a,b,c\n1,2,0\n',
      { x1: 0, x2: 1, t: 2, header: false },
      /^Line 1: x1 \(column 1\) is not a number: "a"/,
    ],
  ];
  it.each(MAPPED_MALFORMED)('%s', (_name, text, mapping, message) => {
    expect(() => parseCsv(text, mapping)).toThrow(CsvError);
    expect(() => parseCsv(text, mapping)).toThrow(message);
  });

  it('refuses a mapping without three different whole, non-negative columns before reading anything', () => {
    const refused: Array<[CsvMapping, string]> = [
      [{ x1: 0, x2: 0, t: 2, header: true }, 'got 0, 0, 2'],
      [{ x1: -1, x2: 1, t: 2, header: true }, 'got -1, 1, 2'],
      [{ x1: 0, x2: 1.5, t: 2, header: false }, 'got 0, 1.5, 2'],
    ];
    for (const [mapping, got] of refused) {
      expect(() => new CsvReader(mapping)).toThrow(new CsvError(`x1, x2 and t need three different columns, ${got}`));
    }
  });

  it('without a mapping, more than three columns are still refused', () => {
    expect(() => parseCsv('x1,x2,t,w\n1,2,0,1\n')).toThrow(/^Line 1: the header must be "x1,x2,t"/);
  });
});

describe('parseCsv and the encoding', () => {
  it('refuses UTF-16 by its byte order mark, read as UTF-8, even with no ASCII after it', () => {
    // "中文" in UTF-16LE after its BOM: no NUL byte, only the BOM read as two replacement characters gives it away.
    const text = new TextDecoder().decode(new Uint8Array([0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65]));
    expect(text.includes('\u0000')).toBe(false);
    expect(() => parseCsv(text)).toThrow(new CsvError(UTF16_REFUSED));
  });

  it('reads replacement characters later in the file as a bad field, not as UTF-16', () => {
    expect(() => parseCsv('x1,x2,t\n0,0,0\n1,1,\uFFFD\uFFFD\n')).toThrow(
      new CsvError('t is not a number: "\uFFFD\uFFFD"', 3),
    );
    // Also when they start a later piece: only the start of the file is looked at.
    const reader = new CsvReader();
    reader.push('x1,x2,t\n0,0,0\n');
    expect(() => reader.push('\uFFFD\uFFFD,1,1\n')).toThrow(new CsvError('x1 is not a number: "\uFFFD\uFFFD"', 3));
  });

  it('looks at the start of the file when the first piece was empty', () => {
    const reader = new CsvReader();
    reader.push('');
    expect(() => reader.push('\uFFFD\uFFFD-N\uFFFDe')).toThrow(new CsvError(UTF16_REFUSED));
  });

  it('drops a byte order mark only at the very start', () => {
    expect(() => parseCsv('x1,x2,t\n1\uFEFF2,0,0\n1,1,1\n')).toThrow(new CsvError('x1 is not a number: "1\uFEFF2"', 2));
  });
});

describe('CsvReader takes the text in pieces', () => {
  it('counts the data rows read so far: not the header, blank lines or a line not ended yet', () => {
    const reader = new CsvReader();
    reader.push('x1,x2,t\n\n0,0,0\n1,1,1\n0,1');
    expect(reader.rows).toBe(2);
    reader.push(',1');
    expect(reader.rows).toBe(2);
    reader.finish();
    expect(reader.rows).toBe(3);
  });

  const text = '\uFEFFx1,x2,t\r\n0.5,1,0\r\n\r\n-1,2.5,1\r1e-3,.5,0\n';

  it('gives the same data wherever the text is cut, a CRLF or the BOM included', () => {
    const whole = parseCsv(text);
    for (let a = 0; a <= text.length; a++) {
      for (let b = a; b <= text.length; b++) {
        const reader = new CsvReader();
        reader.push(text.slice(0, a));
        reader.push(text.slice(a, b));
        reader.push(text.slice(b));
        const data = reader.finish();
        expect(Array.from(data.points), `cut at ${a}, ${b}`).toEqual(Array.from(whole.points));
        expect(Array.from(data.targets)).toEqual(Array.from(whole.targets));
      }
    }
  });

  it('names the same line wherever the text is cut', () => {
    const bad = 'x1,x2,t\r\n0,0,0\r\n\r\n1,x,1\r\n';
    for (let a = 0; a <= bad.length; a++) {
      const reader = new CsvReader();
      expect(() => {
        reader.push(bad.slice(0, a));
        reader.push(bad.slice(a));
        reader.finish();
      }).toThrow(/^Line 4: x2 is not a number: "x"/);
    }
  });
});

/** A data set's rows as CSV with the columns in `order` (a permutation of x1, x2, t) and an unused column. */
function shuffledCsv(data: Dataset, order: ReadonlyArray<0 | 1 | 2>, header: boolean): string {
  const names = ['first', 'second', 'label'];
  const rows = header ? [[...order.map((k) => names[k]), 'note'].join(',')] : [];
  // formatCsv is the writer under test: its rows are cut into fields and put back in another order.
  const lines = formatCsv(data).trimEnd().split('\n').slice(1);
  lines.forEach((line, i) => {
    const fields = line.split(',');
    rows.push([...order.map((k) => fields[k]), `n${i}`].join(','));
  });
  return `${rows.join('\r\n')}\r\n`;
}

describe('formatCsv then parseCsv, with the columns shuffled and a mapping', () => {
  it('round-trips every valid data set bit for bit', () => {
    const row = fc.tuple(coordinate(), coordinate(), fc.constantFrom<0 | 1>(0, 1));
    const order = fc.shuffledSubarray([0, 1, 2] as const, { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 40 }), order, fc.boolean(), (rows, order, header) => {
        fc.pre(rows.some((r) => r[2] === 0) && rows.some((r) => r[2] === 1));
        const data = datasetFromRows(rows);
        const text = shuffledCsv(data, order, header);
        const mapping = { x1: order.indexOf(0), x2: order.indexOf(1), t: order.indexOf(2), header };
        const back = parseCsv(text, mapping);
        const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length));
        expect(bits(back.points)).toEqual(bits(data.points));
        expect(Array.from(back.targets)).toEqual(Array.from(data.targets));
      }),
      { numRuns: 300 },
    );
  });
});

describe(`the row limit, ${CSV_MAX_ROWS} points`, () => {
  it('keeps every row, in order, as the rows outgrow the room the reader starts with', () => {
    // 2500 rows: past the first room (1024 rows) and past its double.
    const rows = Array.from({ length: 2500 }, (_, i) => [i, 0.5 - i, (i % 2) as 0 | 1] as const);
    const data = parseCsv(`x1,x2,t\n${rows.map((r) => r.join(',')).join('\n')}\n`);
    expect(data).toEqual(datasetFromRows(rows));
  });

  it('reads exactly as many rows, and refuses the next one by its line', () => {
    // Two million short rows: about two seconds, the one slow test here.
    const reader = new CsvReader();
    reader.push('x1,x2,t\n');
    reader.push('0,0,0\n1,1,1\n'.repeat(CSV_MAX_ROWS / 2));
    expect(reader.rows).toBe(CSV_MAX_ROWS);
    expect(() => reader.push('0,1,0\n')).toThrow(
      new CsvError('too many rows: at most 2\u202f000\u202f000 points are accepted', CSV_MAX_ROWS + 2),
    );
  });
});

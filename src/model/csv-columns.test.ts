import { describe, expect, it } from 'vitest';
import {
  assignRole,
  type CsvRoles,
  guessHeader,
  guessRoles,
  isStandardHeader,
  mappingOf,
  missingRoles,
  previewCsv,
} from './csv-columns';

const guess = (text: string) => {
  const preview = previewCsv(text, true);
  const header = guessHeader(preview);
  return { header, roles: guessRoles(preview, header) };
};

describe('previewCsv', () => {
  it('splits the first non-blank rows, without the BOM', () => {
    const preview = previewCsv('\uFEFFa, b ,c\r\n\r\n1,2,3\n4,5\n', true);
    expect(preview.rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5'],
    ]);
    expect(preview.columns).toBe(3);
  });

  it('leaves out a last line that may be cut, and stops at maxRows', () => {
    expect(previewCsv('a,b,c\n1,2,3\n4,5,6', false).rows).toHaveLength(2);
    expect(previewCsv('1\n2\n3\n4\n5\n', true, 3).rows).toEqual([['1'], ['2'], ['3']]);
    expect(previewCsv('', true)).toEqual({ rows: [], columns: 0 });
  });

  it('keeps the last line of a complete text, ended or not', () => {
    expect(previewCsv('a,b\n1,2', true).rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('skips lines of spaces as blank', () => {
    expect(previewCsv('a,b\n  \t \n1,2\n', true).rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('drops a byte order mark only at the very start, as the parser does', () => {
    expect(previewCsv('a,b\uFEFFc\n', true).rows).toEqual([['a', 'b\uFEFFc']]);
  });
});

describe('isStandardHeader', () => {
  it('is x1,x2,t in any letter case, exactly three columns', () => {
    expect(isStandardHeader(['X1', 'x2', 'T'])).toBe(true);
    expect(isStandardHeader(['x2', 'x1', 't'])).toBe(false);
    expect(isStandardHeader(['x1', 'x2', 't', 'w'])).toBe(false);
    expect(isStandardHeader(['x1', 'x2'])).toBe(false);
  });
});

describe('guessing the header and the columns', () => {
  it('a first row with any text in it is a header; an empty file has none', () => {
    expect(guessHeader(previewCsv('id,1,2\n3,4,5\n', true))).toBe(true);
    expect(guessHeader(previewCsv('', true))).toBe(false);
  });

  it('an empty file, said to have a header, has no columns to guess', () => {
    expect(guessRoles(previewCsv('', true), true)).toEqual([]);
  });

  it('names count only in a header: a first row said to be data is read as data', () => {
    // Told there is no header, "t,x2,x1" is a row like the others, and its text makes no column numeric.
    expect(guessRoles(previewCsv('t,x2,x1\n1,0.5,2\n0,1.5,3\n', true), false)).toEqual(['x1', 'x2', 't']);
  });

  it('a column with text in any row is not numeric', () => {
    expect(guess('n,a,b,c\nx,1,2,0\n3,4,5,1\n').roles).toEqual([undefined, 'x1', 'x2', 't']);
  });

  it('a field missing in a short row makes its column neither numeric nor 0/1', () => {
    // Column d holds 0 and a missing field: were that read as 0 or 1, the last 0/1 column, d, would be t.
    expect(guess('a,b,c,d\n1,2,0,0\n3,4,1\n').roles).toEqual(['x1', 'x2', 't', undefined]);
  });

  it('a header with no rows under it: no column is taken as 0/1, t is the third', () => {
    expect(guess('a,b,c,d\n').roles).toEqual(['x1', 'x2', 't', undefined]);
  });
  it('exact names win, in any order and letter case', () => {
    expect(guess('T,X2,x1\n1,0.5,2\n0,1.5,3\n')).toEqual({ header: true, roles: ['t', 'x2', 'x1'] });
  });

  it('other names: the 0/1 column is t, the first numeric columns left are x1 and x2', () => {
    expect(guess('label,a,b\n1,0.5,2\n0,-1,3\n1.0,2,2\n')).toEqual({ header: true, roles: ['t', 'x1', 'x2'] });
  });

  it('no header when the first row is all numbers; x1, x2, t in order', () => {
    expect(guess('0.5,2,1\n-1,3,0\n')).toEqual({ header: false, roles: ['x1', 'x2', 't'] });
  });

  it('of several 0/1 columns the last is t', () => {
    expect(guess('0,1,1\n1,0,0\n1,1,0\n')).toEqual({ header: false, roles: ['x1', 'x2', 't'] });
  });

  it('text columns are skipped for x1 and x2', () => {
    expect(guess('name,p,q,class\nann,0.5,2,1\nbob,-1,3,0\n').roles).toEqual([undefined, 'x1', 'x2', 't']);
  });

  it('with no 0/1 column, t is the third numeric column', () => {
    expect(guess('a,b,c,d\n1,2,3,4\n5,6,7,8\n').roles).toEqual(['x1', 'x2', 't', undefined]);
  });

  it('a named column keeps its name even when another looks like a label', () => {
    expect(guess('flag,x1,x2,t\n1,0.5,2,0\n0,1,3,1\n').roles).toEqual([undefined, 'x1', 'x2', 't']);
  });

  it('with fewer than three columns some roles stay open', () => {
    const { roles } = guess('a,b\n1,0\n2,1\n');
    expect(roles).toEqual(['x1', 't']);
    expect(missingRoles(roles)).toEqual(['x2']);
  });
});

describe('assigning roles', () => {
  const roles: CsvRoles = ['x1', 'x2', 't', undefined];

  it('swaps: the column that had the role takes the old one', () => {
    expect(assignRole(roles, 1, 'x1')).toEqual(['x2', 'x1', 't', undefined]);
    expect(assignRole(roles, 3, 't')).toEqual(['x1', 'x2', undefined, 't']);
  });

  it('"not used" leaves a role open, and the mapping waits for it', () => {
    const open = assignRole(roles, 0, undefined);
    expect(open).toEqual([undefined, 'x2', 't', undefined]);
    expect(missingRoles(open)).toEqual(['x1']);
    expect(mappingOf(open, true)).toBeUndefined();
  });

  it('gives the mapping the parser takes', () => {
    expect(mappingOf(['t', undefined, 'x2', 'x1'], false)).toEqual({ x1: 3, x2: 2, t: 0, header: false });
    expect(mappingOf(['x1', 'x2', 't'], true)).toEqual({ x1: 0, x2: 1, t: 2, header: true });
    expect(mappingOf(['x2', 'x1', 't'], true)).toEqual({ x1: 1, x2: 0, t: 2, header: true });
  });

  it('gives no mapping while any one role is open', () => {
    expect(mappingOf([undefined, 'x2', 't'], true)).toBeUndefined();
    expect(mappingOf(['x1', undefined, 't'], true)).toBeUndefined();
    expect(mappingOf(['x1', 'x2', undefined], true)).toBeUndefined();
  });
});

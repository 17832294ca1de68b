import { describe, expect, it } from 'vitest';
import { tablesThatFit } from './table-fit';

const SIZES = { confusion: { width: 160, height: 84 }, readouts: { width: 150, height: 141 } };

describe('tablesThatFit', () => {
  it('takes both tables where the room holds both, the confusion matrix first', () => {
    expect(tablesThatFit(SIZES, 240, 272, 5)).toEqual(['confusion', 'readouts']);
  });
  it('takes the confusion matrix alone where only it fits', () => {
    expect(tablesThatFit(SIZES, 226, 272, 5)).toEqual(['confusion']);
    expect(tablesThatFit(SIZES, 89, 272, 5)).toEqual(['confusion']);
  });
  it('takes none where the first does not fit, in height or in width', () => {
    expect(tablesThatFit(SIZES, 88, 272, 5)).toEqual([]);
    expect(tablesThatFit(SIZES, 500, 150, 5)).toEqual([]);
    expect(tablesThatFit({}, 500, 272, 5)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { numberAttribute } from './number-attribute';

const read = (text: string | null) => numberAttribute.fromAttribute?.(text, Number);

describe('numberAttribute', () => {
  it('reads a figure’s number attribute as every other door reads a number', () => {
    expect(read('0.5')).toBe(0.5);
    expect(read(' −1.5 ')).toBe(-1.5);
    expect(read('1 000')).toBe(1000);
  });

  it('gives NaN, which the figure reports, for text that holds no number: hex too, unlike Number()', () => {
    expect(Number('0x10')).toBe(16);
    for (const text of ['0x10', '0b1', 'Infinity', '1e309', '', 'abc', '9'.repeat(101)]) {
      expect(read(text)).toBeNaN();
    }
    expect(read(null)).toBeNaN();
  });
});

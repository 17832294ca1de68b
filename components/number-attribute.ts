/**
 * The converter for the figures' number attributes (`z="0.5"`, `w`, `y`,
 * `b`, `learning-rate`): the one number reader reads them, as it reads
 * links, fields and CSV files, so `z="0x10"` is no number here either
 * (Lit's `type: Number` would take it as 16). Text that holds no number
 * becomes NaN, which each figure reports as it does any value it cannot show.
 */
import type { ComplexAttributeConverter } from 'lit';
import { readNumberText } from '../src/text/number-text';

export const numberAttribute: ComplexAttributeConverter<number> = {
  fromAttribute(value: string | null): number {
    if (value === null) return Number.NaN;
    const read = readNumberText(value);
    return typeof read === 'number' ? read : Number.NaN;
  },
  toAttribute: (value: number) => String(value),
};

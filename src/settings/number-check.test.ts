/** A number typed into a setting, refused with a sentence that says why (the settings table's check). */
import { describe, expect, it } from 'vitest';
import { readNumberText, UnreadNumber } from '../text/number-text';
import { checkNumberText } from './value-checks';

describe('a typed number that is refused', () => {
  const eta = { min: 1e-6, max: 10 };
  const message = (text: string) => {
    try {
      checkNumberText('η', text, eta);
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  };

  it('says why it holds no number', () => {
    expect(readNumberText('1e309')).toEqual(new UnreadNumber('1e309', 'too-large'));
    expect(readNumberText('abc')).toEqual(new UnreadNumber('abc', 'not-a-number'));
    expect(readNumberText('1'.repeat(101))).toEqual(new UnreadNumber('1'.repeat(101), 'too-long'));
  });

  it('is out of range when it is a number too large for a double, not "not a number"', () => {
    expect(message('1e309')).toBe('η must be between 1e-6 and 10, got "1e309"');
    expect(message('-1e309')).toBe('η must be between 1e-6 and 10, got "-1e309"');
  });

  it('is quoted in part however long it is', () => {
    const text = '4'.repeat(400);
    expect(message(text)).toBe(
      `η must be a number between 1e-6 and 10, got "${'4'.repeat(24)}…" (a number has at most 100 characters)`,
    );
    expect(message(`${'4'.repeat(90)}x`)).toBe(`η must be a number between 1e-6 and 10, got "${'4'.repeat(24)}…"`);
  });

  it('is hex, binary or octal: the same syntax as a CSV file', () => {
    for (const text of ['0x10', '0X1', '0b1', '0o7', '1_0']) expect(message(text)).toMatch(/^η must be a number/);
  });
});

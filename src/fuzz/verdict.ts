/**
 * What every fuzz test asks of a parser's answer: an accepted value with no
 * NaN or Infinity in it, or a refusal that is one of our errors, says what
 * is wrong in a short message, and repeats at most a short excerpt of what
 * was given. Anything else (a TypeError, a message of internals) fails.
 */
import { expect } from 'vitest';
import { CsvError } from '../model/csv';
import { QUOTE_LIMIT } from '../text/quote';

/** The longest refusal: long enough for a line, a label, a range and two excerpts, whatever the input. */
export const MESSAGE_LIMIT = 400;

/**
 * The most characters of an input a message may repeat in one piece: an
 * excerpt (QUOTE_LIMIT), or a number written back whole, which String() never
 * makes longer than 25 characters ("-0.0000012345678901234567"), with the
 * quotes around it and a comma after, which a JSON input may have there too.
 */
const LONGEST_REPEAT = Math.max(QUOTE_LIMIT, 25) + 3;

/** Whether `message` repeats more of `input` than one excerpt holds. */
export function quotesTooMuch(message: string, input: string): boolean {
  const window = LONGEST_REPEAT + 1;
  for (let i = 0; i + window <= input.length; i++) {
    if (message.includes(input.slice(i, i + window))) return true;
  }
  return false;
}

/** Checks a message: non-empty, bounded, quoting each of `inputs` only in part, never NaN but where quoted. */
export function expectClearMessage(message: string, inputs: readonly string[]): void {
  expect(message.trim().length).toBeGreaterThan(5);
  expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  for (const input of inputs) expect(quotesTooMuch(message, input), `${message} repeats ${input}`).toBe(false);
  if (!inputs.some((input) => input.includes('NaN'))) expect(message).not.toMatch(/NaN/);
}

/** Checks a thrown value: one of our errors (CsvError, SettingError or another RangeError of ours) with a clear message. */
export function expectRefusal(error: unknown, inputs: readonly string[]): void {
  // SettingError is a RangeError; TypeError, SyntaxError and the like are bugs.
  expect(error instanceof CsvError || error instanceof RangeError, String(error)).toBe(true);
  expectClearMessage((error as Error).message, inputs);
}

/** Every number in `value` (deeply) is finite. */
export function expectFinite(value: unknown, path = 'value'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} is ${value}`).toBe(true);
  else if (ArrayBuffer.isView(value)) {
    const bad = Array.from(value as unknown as ArrayLike<number>).find((v) => !Number.isFinite(v));
    expect(bad, `${path} holds ${bad}`).toBeUndefined();
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) expectFinite(v, `${path}.${key}`);
  }
}

/** Runs `parse`, then checks its answer: finite when accepted, a clear refusal otherwise. */
export function verdict<T>(parse: () => T, inputs: readonly string[]): { accepted: T } | { refused: string } {
  let accepted: T;
  try {
    accepted = parse();
  } catch (error) {
    expectRefusal(error, inputs);
    return { refused: (error as Error).message };
  }
  expectFinite(accepted);
  return { accepted };
}

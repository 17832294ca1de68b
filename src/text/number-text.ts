/**
 * Numbers as people type them into fields, links and attributes: "0.05",
 * "−4" (a real minus sign, as the readouts print it), "1e-3", and large
 * ones with their digits grouped, "1 000 000" or "1,000,000", as the README
 * writes them. The syntax is the one number reader's (src/model/number-syntax.ts,
 * which CSV files use too), with digit groups allowed.
 */

import { formatCount } from './format';
import { MAX_NUMBER_LENGTH, readNumber } from './number-syntax';
import { quote } from './quote';

/** Typed text that holds no finite number, kept with why, so a message can quote it and say so. */
export class UnreadNumber {
  constructor(
    readonly text: string,
    /** 'too-large': written as a number, beyond any range; 'too-long': refused unread. */
    readonly why: 'not-a-number' | 'too-large' | 'too-long',
  ) {}

  /** The text as a message quotes it, with what is wrong when the quote alone would not say. */
  describe(): string {
    return this.why === 'too-long'
      ? `${quote(this.text)} (a number has at most ${MAX_NUMBER_LENGTH} characters)`
      : quote(this.text);
  }
}

/** The number a text holds, or why it holds none (never NaN). */
export function readNumberText(text: string): number | UnreadNumber {
  const reading = readNumber(text, true);
  return reading.kind === 'number' ? reading.value : new UnreadNumber(text, reading.kind);
}

/** The number a text field holds, or undefined when it holds none (never NaN). */
export function parseNumberText(text: string): number | undefined {
  const value = readNumberText(text);
  return typeof value === 'number' ? value : undefined;
}

/** A limit as a message shows it: 0.000001 reads better as 1e-6, 1000000 as 1 000 000 (as the page writes counts). */
export function formatLimit(value: number): string {
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential();
  if (Number.isInteger(value) && Math.abs(value) >= 1e4) return formatCount(value);
  return String(value);
}

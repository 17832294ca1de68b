/**
 * Numbers as people type them: "0.05", "−4" (a real minus sign, as the
 * readouts print it), "1e-3", and large ones with their digits grouped,
 * "1 000 000" or "1,000,000", as the README and most style guides write them.
 * A comma is only ever a thousands separator, in groups of exactly three
 * digits after a first group that is not 0, so "0,05" and "0,500" are
 * refused rather than read as 5, 500 or 0.05.
 */

const SPACES = /[\s\u00a0\u2009\u202f]/;
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// Grouped digits start with a non-zero group: "0,500" is a decimal comma, not five hundred.
const SPACE_GROUPED = /^[+-]?[1-9]\d{0,2}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d*)?$/;
const COMMA_GROUPED = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?$/;

/** The number a text field holds, or undefined when it holds none (never NaN). */
export function parseNumberText(text: string): number | undefined {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  let plain: string;
  if (PLAIN.test(trimmed)) plain = trimmed;
  else if (SPACE_GROUPED.test(trimmed)) plain = trimmed.replace(new RegExp(SPACES.source, 'g'), '');
  else if (COMMA_GROUPED.test(trimmed)) plain = trimmed.replace(/,/g, '');
  else return undefined;
  const value = Number(plain);
  return Number.isFinite(value) ? value : undefined;
}

/** A limit as a message shows it: 0.000001 reads better as 1e-6, 1000000 as 1 000 000 (as the page writes counts). */
export function formatLimit(value: number): string {
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential();
  if (Number.isInteger(value) && Math.abs(value) >= 1e4) {
    return `${value < 0 ? '-' : ''}${Math.abs(value)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')}`;
  }
  return String(value);
}

/**
 * Numbers as people type them: "0.05", "−4" (a real minus sign, as the
 * readouts print it), "1e-3", and large ones with their digits grouped,
 * "1 000 000" or "1,000,000", as the README and most style guides write them.
 * A comma is only ever a thousands separator, in groups of exactly three
 * digits, so "0,05" is refused rather than read as 5 or as 0.05.
 */

const SPACES = /[\s\u00a0\u2009\u202f]/;
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPACE_GROUPED = /^[+-]?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d*)?$/;
const COMMA_GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

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

/** A limit as a message shows it: 0.000001 reads better as 1e-6. */
export function formatLimit(value: number): string {
  return value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential() : String(value);
}

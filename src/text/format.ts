/**
 * Number formatting for readouts: fixed decimals (fewer for large values, so
 * a column stays narrow), a real minus sign, and a dash instead of NaN.
 */
export function formatNumber(value: number, decimals = 4): string {
  if (!Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  const text = size >= 1e6 ? value.toExponential(3) : value.toFixed(size >= 1e4 ? Math.min(1, decimals) : decimals);
  // −0.0000 reads as a sign error to students; show it as 0.
  return text.replace(/^-(0\.?0*)$/, '$1').replace(/^-/, '−');
}

export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)} %` : '—';
}

/** A count with its digits grouped by threes, as "2 000 000" (narrow no-break spaces, so it never wraps). */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** A count and its noun, singular for exactly one: "1 point", "2 000 points" (one rule for every message). */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}

/**
 * How an axis writes its tick labels: one notation for every tick of an
 * axis, chosen from the axis's range. Within 1e-3 … 1e5, plain decimals,
 * digits grouped by threes with narrow spaces as every count on the page is
 * ("20 000"); beyond, every tick as a power of ten ("2e+5", "1e+6"), so
 * that an axis never writes "1e+6" beside "300000". D3 formats them (its
 * specifiers, a locale with our minus sign and grouping).
 */
import * as d3 from 'd3';

/** Past these sizes an axis writes exponents: "100000" is hard to read, "0.0001" is long. */
const LARGE = 1e5;
const SMALL = 1e-3;

const locale = d3.formatLocale({
  decimal: '.',
  thousands: '\u202f',
  grouping: [3],
  currency: ['', ''],
  minus: '\u2212',
});

export type TickNotation = 'fixed' | 'exponent';

/** The notation of an axis whose ticks are these values. */
export function tickNotation(ticks: readonly number[]): TickNotation {
  const sizes = ticks.filter((t) => Number.isFinite(t) && t !== 0).map(Math.abs);
  if (sizes.length === 0) return 'fixed';
  return Math.max(...sizes) >= LARGE || Math.min(...sizes) < SMALL ? 'exponent' : 'fixed';
}

/**
 * The label of each tick of an axis with these ticks (evenly spaced on a
 * linear axis, a few per decade on a log one): as many digits as it takes
 * to tell two ticks apart, in the axis's one notation; zero is "0".
 */
export function tickFormat(ticks: readonly number[], log = false): (value: number) => string {
  const finite = ticks.filter(Number.isFinite);
  const notation = tickNotation(finite);
  const size = Math.max(0, ...finite.map(Math.abs));
  let format: (value: number) => string;
  if (log) {
    // Decades apart: each tick needs its own digits only ("0.02", "300", "2e+5").
    const smallest = Math.min(...finite.filter((t) => t > 0));
    const decimals = Number.isFinite(smallest) ? digits(d3.precisionFixed(smallest), 0) : 0;
    format = locale.format(notation === 'exponent' ? '~e' : `,.${decimals}~f`);
  } else {
    const step = finite.length > 1 ? Math.abs((finite[1] as number) - (finite[0] as number)) : size || 1;
    // Two equal ticks (a domain of one value) give no step: 3 significant digits, 2 decimals.
    format =
      notation === 'exponent'
        ? locale.format(`.${digits(d3.precisionRound(step, size) - 1, 2)}~e`)
        : locale.format(`,.${digits(d3.precisionFixed(step), 2)}f`);
  }
  return (value) => (value === 0 ? '0' : format(value));
}

/** A count of digits for a specifier: D3's answer where it has one (none for a step of 0), within 0…20. */
function digits(n: number, fallback: number): number {
  return Number.isFinite(n) ? Math.min(20, Math.max(0, n)) : fallback;
}

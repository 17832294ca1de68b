/**
 * The coordinates a data set may hold, decided once for every door (a CSV
 * file, a link's data, a click, the generator) so that both engines compute
 * the same thing from every value accepted.
 *
 * The GPU holds coordinates and does its sums in float32 (largest finite
 * value ≈ 3.4e38; smallest normal one 2⁻¹²⁶ ≈ 1.18e-38, below which GPUs
 * may flush to zero). The worst number a run computes is the summed cost,
 * about N·|x·w|. Before the weights pass the divergence limit (1e6, where
 * Play stops) that is at most 2·10⁶ points · 2·10⁶·X; a step can then move
 * w by at most η·N·X (|σ − t| ≤ 1, η ≤ 10), so k steps beyond it reach a
 * cost of about 2·η·N²·k·X² = 8·10¹³·k·X². With |x| ≤ X = 1e9 that stays
 * finite in float32 for k up to 4 million steps past the limit under the
 * largest data and learning rate: every accepted value trains to finite
 * numbers on both engines, and a diverging run is reported the same way by
 * both. Near 0, the GPU would read a float32 subnormal as 0 while the CPU
 * kept it (with 5e-324 the GPU predicted every point as one class): such a
 * coordinate is read as 0 (its sign kept) by every door, so both engines
 * see the same data. Nothing a plot can show tells it from 0.
 */

/** The largest |coordinate| accepted. */
export const COORDINATE_LIMIT = 1e9;

/** The smallest normal float32, 2⁻¹²⁶: a non-zero coordinate smaller in size is read as 0. */
export const SMALLEST_COORDINATE = 2 ** -126;

/** The range as messages state it. */
export const COORDINATE_RANGE = `coordinates must lie within ±${COORDINATE_LIMIT.toExponential(0).replace('+', '')}`;

/** Whether a coordinate is accepted: finite and within ±COORDINATE_LIMIT. */
export function coordinateInRange(value: number): boolean {
  return Math.abs(value) <= COORDINATE_LIMIT;
}

/** The coordinate both engines compute with: itself, or a signed 0 for one below SMALLEST_COORDINATE in size. */
export function storedCoordinate(value: number): number {
  // value * 0 is 0 or −0 with value's sign.
  return Math.abs(value) < SMALLEST_COORDINATE ? value * 0 : value;
}

/** A coordinate from a click or a key: its nearest accepted value (the plot shows a little beyond the range). */
export function clampCoordinate(value: number): number {
  return storedCoordinate(Math.min(COORDINATE_LIMIT, Math.max(-COORDINATE_LIMIT, value)));
}

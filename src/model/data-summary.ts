/**
 * What the views and engines need to know about a whole data set, computed
 * once per data set and kept with it: N, the class counts, a box holding
 * every point, and the sums of x xᵀ behind the safe learning rate. For two
 * million points a pass costs tens of milliseconds, so an edited data set
 * gets its summary from its parent's in constant time, and a generated one
 * from the slices it was drawn in; only data from elsewhere are summed anew.
 */
import type { Dataset } from './dataset';

export interface DataSummary {
  readonly n: number;
  /** Points with t = 1. */
  readonly ones: number;
  /** A box holding every point: [[x1 min, x1 max], [x2 min, x2 max]] (after removals, possibly a little larger). */
  readonly bounds: readonly [readonly [number, number], readonly [number, number]];
  /** Σ x1², Σ x1·x2, Σ x2², Σ x1, Σ x2. */
  readonly moments: readonly [number, number, number, number, number];
}

const EMPTY: DataSummary = {
  n: 0,
  ones: 0,
  bounds: [
    [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
    [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
  ],
  moments: [0, 0, 0, 0, 0],
};

const summaries = new WeakMap<Dataset, DataSummary>();

/** The summary with points `from` … `to` − 1 of `data` added. */
export function addRange(summary: DataSummary, data: Dataset, from: number, to: number): DataSummary {
  let { n, ones } = summary;
  let [[x1min, x1max], [x2min, x2max]] = summary.bounds;
  let [s11, s12, s22, s1, s2] = summary.moments;
  const p = data.points;
  for (let i = from; i < to; i++) {
    const x1 = p[2 * i]!;
    const x2 = p[2 * i + 1]!;
    // Stryker disable EqualityOperator: on a tie, < and <= store the same number (but for the sign of a zero, and −0 bounds the same box as 0)
    if (x1 < x1min) x1min = x1;
    if (x1 > x1max) x1max = x1;
    if (x2 < x2min) x2min = x2;
    if (x2 > x2max) x2max = x2;
    // Stryker restore EqualityOperator
    s11 += x1 * x1;
    s12 += x1 * x2;
    s22 += x2 * x2;
    s1 += x1;
    s2 += x2;
    ones += data.targets[i]!;
    n++;
  }
  return {
    n,
    ones,
    bounds: [
      [x1min, x1max],
      [x2min, x2max],
    ],
    moments: [s11, s12, s22, s1, s2],
  };
}

/** The summary of no points, to add ranges to. */
export function emptySummary(): DataSummary {
  return EMPTY;
}

/** The summary of `data`: computed the first time it is asked for, unless it was handed over with the data. */
export function summaryOf(data: Dataset): DataSummary {
  let summary = summaries.get(data);
  if (!summary) {
    summary = addRange(EMPTY, data, 0, data.targets.length);
    summaries.set(data, summary);
  }
  return summary;
}

/** Hands over a summary already known (from the slices that drew the data, or from an edit). */
export function rememberSummary(data: Dataset, summary: DataSummary): void {
  summaries.set(data, summary);
}

/** The summary without one point (the box stays: it still holds every point). */
export function withoutPoint(summary: DataSummary, x1: number, x2: number, t: number): DataSummary {
  const [s11, s12, s22, s1, s2] = summary.moments;
  return {
    n: summary.n - 1,
    ones: summary.ones - t,
    bounds: summary.bounds,
    moments: [s11 - x1 * x1, s12 - x1 * x2, s22 - x2 * x2, s1 - x1, s2 - x2],
  };
}

/** The summary with one more point. */
export function withPoint(summary: DataSummary, x1: number, x2: number, t: number): DataSummary {
  return addRange(summary, { points: Float64Array.of(x1, x2), targets: Uint8Array.of(t) }, 0, 1);
}

/** Whether a summary was kept for these data (so asking for it costs nothing). */
export function hasSummary(data: Dataset): boolean {
  return summaries.has(data);
}

/** Counts per class: [count of t = 0, count of t = 1] (from the kept summary). */
export function classCounts(data: Dataset): [number, number] {
  const { n, ones } = summaryOf(data);
  return [n - ones, ones];
}

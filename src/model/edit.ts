/**
 * Adding and removing single points, as clicks on the scatter do. Each edit
 * returns a new data set (inputs stay untouched) and says which samples it
 * touched, so an engine that holds a copy (the GPU's buffers) writes those
 * few bytes instead of uploading everything again.
 */
import { addRange, hasSummary, rememberSummary, summaryOf, withoutPoint, withPoint } from './data-summary';
import type { Dataset } from './dataset';
import { clampCoordinate } from './input-range';

/** The fewest points a data set keeps: one step needs something to compare. */
export const MIN_POINTS = 2;

/** What an edit did to the sample order. */
export type SampleChange =
  /** One sample appended at the end (index n − 1 of the new set). */
  | { readonly kind: 'append' }
  /**
   * The sample at `index` was removed by moving the last one into its place
   * (the order of samples means nothing to the model, and this touches two).
   */
  | { readonly kind: 'swap-remove'; readonly index: number }
  /**
   * A removal undone: the sample at `index` moved to the end (n − 1 of the
   * new set) and the point that was removed took its place again.
   */
  | { readonly kind: 'unswap'; readonly index: number };

/** A point as the data hold it: x1, x2 and its class. */
export type Point = readonly [x1: number, x2: number, t: number];

/**
 * One edit as it was made, with what undoing it needs: a removal remembers
 * the index and the point, so that putting it back restores the data set
 * bit for bit, order included.
 */
export type AppliedEdit =
  | { readonly kind: 'add'; readonly point: Point }
  | { readonly kind: 'remove'; readonly index: number; readonly point: Point };

export interface EditResult {
  readonly data: Dataset;
  readonly change: SampleChange;
}

/** Where an edited data set came from: its parent and the one point added or removed. */
export interface Lineage {
  readonly parent: Dataset;
  readonly added?: Point;
  readonly removed?: Point;
}

const lineages = new WeakMap<Dataset, Lineage>();

/** How `data` came from another data set by one edit, if it did: views update instead of redrawing. */
export function lineageOf(data: Dataset): Lineage | undefined {
  return lineages.get(data);
}

/**
 * Adds a point at the end. A click at the plot's edge may lie a little
 * beyond the coordinates accepted (input-range.ts): the point goes to the
 * nearest accepted place, as every other door would have it.
 */
export function addPoint(data: Dataset, x1: number, x2: number, t: 0 | 1): EditResult {
  if (Number.isNaN(x1) || Number.isNaN(x2)) throw new RangeError('a point needs two numbers, x1 and x2');
  return appendPoint(data, clampCoordinate(x1), clampCoordinate(x2), t);
}

/** Appends the point exactly as given (a point put back by an undo was accepted once already). */
function appendPoint(data: Dataset, x1: number, x2: number, t: 0 | 1): EditResult {
  const n = data.targets.length;
  const points = new Float64Array(2 * n + 2);
  points.set(data.points);
  points[2 * n] = x1;
  points[2 * n + 1] = x2;
  const targets = new Uint8Array(n + 1);
  targets.set(data.targets);
  targets[n] = t;
  const out = { points, targets };
  lineages.set(out, { parent: data, added: [x1, x2, t] });
  if (hasSummary(data)) rememberSummary(out, addRange(summaryOf(data), out, n, n + 1));
  return { data: out, change: { kind: 'append' } };
}

/** The index of the point nearest to (x1, x2), or −1 for an empty set. */
export function nearestPoint(data: Dataset, x1: number, x2: number): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  const p = data.points;
  // Stryker disable next-line EqualityOperator: a step past the end reads undefined, a NaN distance that never wins.
  for (let i = 0; i < data.targets.length; i++) {
    const dx = p[2 * i]! - x1;
    const dy = p[2 * i + 1]! - x2;
    const d = dx * dx + dy * dy;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}

/** Removes sample `index` (the last sample takes its place), or returns undefined when it is not there. */
export function removePoint(data: Dataset, index: number): EditResult | undefined {
  const n = data.targets.length;
  if (!Number.isInteger(index) || index < 0 || index >= n) return undefined;
  const points = data.points.slice(0, 2 * n - 2);
  const targets = data.targets.slice(0, n - 1);
  if (index < n - 1) {
    // set() rather than two stores: it throws where a store past the end would do nothing.
    points.set(data.points.subarray(2 * n - 2), 2 * index);
    targets[index] = data.targets[n - 1]!;
  }
  const out = { points, targets };
  const removed = [data.points[2 * index]!, data.points[2 * index + 1]!, data.targets[index]!] as const;
  lineages.set(out, { parent: data, removed });
  if (hasSummary(data)) rememberSummary(out, withoutPoint(summaryOf(data), ...removed));
  return { data: out, change: { kind: 'swap-remove', index } };
}

/**
 * Puts `point` back at `index`, the sample there moving to the end: the
 * inverse of removePoint(data', index). An index of n appends.
 */
export function insertPoint(data: Dataset, index: number, point: Point): EditResult {
  const n = data.targets.length;
  if (!Number.isInteger(index) || index < 0 || index > n) {
    throw new RangeError(`a point can go back at index 0 … ${n}, not ${index}`);
  }
  const [x1, x2, t] = point;
  if (index === n) return appendPoint(data, x1, x2, t === 1 ? 1 : 0);
  const points = new Float64Array(2 * n + 2);
  points.set(data.points);
  points[2 * n] = data.points[2 * index]!;
  points[2 * n + 1] = data.points[2 * index + 1]!;
  points[2 * index] = x1;
  points[2 * index + 1] = x2;
  const targets = new Uint8Array(n + 1);
  targets.set(data.targets);
  targets[n] = data.targets[index]!;
  targets[index] = t;
  const out = { points, targets };
  lineages.set(out, { parent: data, added: point });
  if (hasSummary(data)) rememberSummary(out, withPoint(summaryOf(data), x1, x2, t));
  return { data: out, change: { kind: 'unswap', index } };
}

/** Makes an edit again, exactly as it was made (redo). */
export function redoEdit(data: Dataset, edit: AppliedEdit): EditResult {
  if (edit.kind === 'add') {
    const [x1, x2, t] = edit.point;
    return addPoint(data, x1, x2, t === 1 ? 1 : 0);
  }
  const result = removePoint(data, edit.index);
  if (!result) throw new RangeError(`there is no point ${edit.index} to remove again`);
  return result;
}

/** Takes an edit back (undo): the data set before it, bit for bit. */
export function undoEdit(data: Dataset, edit: AppliedEdit): EditResult {
  if (edit.kind === 'remove') return insertPoint(data, edit.index, edit.point);
  const result = removePoint(data, data.targets.length - 1);
  if (!result) throw new RangeError('there is no added point to take back');
  return result;
}

/** Adding and removing single points, as clicks on the scatter do. Returns new data sets; inputs stay untouched. */
import type { Dataset } from './dataset';

export function addPoint(data: Dataset, x1: number, x2: number, t: 0 | 1): Dataset {
  const n = data.targets.length;
  const points = new Float64Array(2 * n + 2);
  points.set(data.points);
  points[2 * n] = x1;
  points[2 * n + 1] = x2;
  const targets = new Uint8Array(n + 1);
  targets.set(data.targets);
  targets[n] = t;
  return { points, targets };
}

/** The index of the point nearest to (x1, x2), or −1 for an empty set. */
export function nearestPoint(data: Dataset, x1: number, x2: number): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  const p = data.points;
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

export function removePoint(data: Dataset, index: number): Dataset {
  const n = data.targets.length;
  if (index < 0 || index >= n) return data;
  const points = new Float64Array(2 * n - 2);
  points.set(data.points.subarray(0, 2 * index));
  points.set(data.points.subarray(2 * index + 2), 2 * index);
  const targets = new Uint8Array(n - 1);
  targets.set(data.targets.subarray(0, index));
  targets.set(data.targets.subarray(index + 1), index);
  return { points, targets };
}

/**
 * Where a legend inside a plot hides least: over as little as it can of the
 * lines the plot must show (the decision boundary, the weight vector), none
 * where a corner is free of them, and then the corner whose legend-sized
 * box holds the fewest points (counted on an even subsample of large data).
 * Ties go in reading order, top-left first.
 */
import type { Dataset } from '../model/dataset';
import type { PlotDomain } from './plot-domain';

export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
const CORNERS: readonly Corner[] = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];
/** Points looked at, at most. */
const SAMPLE = 20_000;

/** A line segment in data coordinates. */
export type Segment = readonly [readonly [number, number], readonly [number, number]];

interface Rect {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** The legend's box in a corner, in data coordinates; `width` and `height` are its share of the plot (0–1). */
function cornerBox(corner: Corner, domain: PlotDomain, width: number, height: number): Rect {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const w = width * (x1 - x0);
  const h = height * (y1 - y0);
  const left = corner.endsWith('left');
  const top = corner.startsWith('top');
  return { x0: left ? x0 : x1 - w, x1: left ? x0 + w : x1, y0: top ? y1 - h : y0, y1: top ? y1 : y0 + h };
}

/** How much of the segment lies in the rectangle, as a share of the segment (Liang–Barsky clipping); 0 when it misses. */
export function insideShare([[ax, ay], [bx, by]]: Segment, r: Rect): number {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  for (const [p, q] of [
    [-dx, ax - r.x0],
    [dx, r.x1 - ax],
    [-dy, ay - r.y0],
    [dy, r.y1 - ay],
  ] as const) {
    if (p === 0) {
      if (q < 0) return 0;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return 0;
    }
  }
  return t1 - t0;
}

/** A little more line hidden than the best corner hides is not worth a move (so the legend does not hop during a run). */
const STAY = 0.03;

/**
 * The corner for a legend whose size is `width` × `height` of the plot
 * (shares, 0–1): the one that hides the least of the `lines` (their length
 * in the box, in window widths; none if it can), then the fewest points.
 * `current`, where the legend is now, is kept unless another corner hides
 * clearly less of the lines.
 */
export function emptiestCorner(
  data: Dataset,
  domain: PlotDomain,
  width: number,
  height: number,
  lines: readonly Segment[] = [],
  current?: Corner,
): Corner {
  const boxes = CORNERS.map((c) => cornerBox(c, domain, width, height));
  const size = domain.x[1] - domain.x[0];
  const hidden = boxes.map((box) =>
    lines.reduce((sum, line) => {
      const length = Math.hypot(line[1][0] - line[0][0], line[1][1] - line[0][1]);
      return sum + (insideShare(line, box) * length) / size;
    }, 0),
  );
  const least = Math.min(...hidden);
  if (current !== undefined && (hidden[CORNERS.indexOf(current)] ?? 0) <= least + STAY) return current;
  const n = data.targets.length;
  const counts = boxes.map(() => 0);
  const stride = Math.max(1, Math.floor(n / SAMPLE));
  const p = data.points;
  for (let i = 0; i < n; i += stride) {
    const x = p[2 * i]!;
    const y = p[2 * i + 1]!;
    boxes.forEach((box, k) => {
      if (x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1) counts[k]!++;
    });
  }
  let best = -1;
  for (let k = 0; k < 4; k++) {
    // Among the corners that hide the least (to rounding), the one with the fewest points.
    if (hidden[k]! > least + 1e-9) continue;
    if (best < 0 || counts[k]! < counts[best]!) best = k;
  }
  return CORNERS[best] as Corner;
}

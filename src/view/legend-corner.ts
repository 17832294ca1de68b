/**
 * Where a legend inside a plot hides least: never over a line the plot must
 * show (the decision boundary, the weight vector) where another corner is
 * free of it, and then the corner whose legend-sized box holds the fewest
 * points (counted on an even subsample of large data). Ties go in reading
 * order, top-left first.
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

/** Whether the segment passes through the rectangle (Liang–Barsky clipping). */
export function crosses([[ax, ay], [bx, by]]: Segment, r: Rect): boolean {
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
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Whether a legend in this corner would hide part of one of the lines. */
export function cornerHides(
  corner: Corner,
  domain: PlotDomain,
  width: number,
  height: number,
  lines: readonly Segment[],
): boolean {
  const box = cornerBox(corner, domain, width, height);
  return lines.some((line) => crosses(line, box));
}

/** `width` and `height` are the legend's share of the plot's width and height (0–1); `lines` are to stay in sight. */
export function emptiestCorner(
  data: Dataset,
  domain: PlotDomain,
  width: number,
  height: number,
  lines: readonly Segment[] = [],
): Corner {
  const boxes = CORNERS.map((c) => cornerBox(c, domain, width, height));
  const n = data.targets.length;
  // A corner over a line counts as fuller than any corner without one.
  const counts = boxes.map((box) => (lines.some((line) => crosses(line, box)) ? n + 1 : 0));
  const stride = Math.max(1, Math.floor(n / SAMPLE));
  const p = data.points;
  for (let i = 0; i < n; i += stride) {
    const x = p[2 * i]!;
    const y = p[2 * i + 1]!;
    boxes.forEach((box, k) => {
      if (x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1) counts[k]!++;
    });
  }
  let best = 0;
  for (let k = 1; k < 4; k++) if (counts[k]! < counts[best]!) best = k;
  return CORNERS[best] as Corner;
}

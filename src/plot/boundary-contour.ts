/**
 * The decision boundary of any model, from its probability grid: the level
 * set y = threshold by marching squares (d3-contour), as lines in the data's
 * coordinates. d3 returns the region y ≥ threshold as polygons whose rings
 * run along the grid's border where the region meets it; those stretches are
 * the window's edge, not the boundary, so each ring is cut where it touches
 * the border. A ring that never touches it (a circle's boundary inside the
 * window) stays closed; the rest are open lines from edge to edge.
 */
import { contours } from 'd3';

export interface BoundaryLine {
  /** [x1, x2] points in the data's coordinates. */
  readonly points: readonly (readonly [number, number])[];
  /** The line returns to its first point (a closed curve inside the window). */
  readonly closed: boolean;
}

export interface ProbabilityGrid {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  /** Points per axis; values row-major with y outer. */
  readonly size: number;
  readonly values: ArrayLike<number>;
}

export function boundaryLines(grid: ProbabilityGrid, threshold: number): BoundaryLine[] {
  const { size, values } = grid;
  const data = Array.from(values);
  // A diverged model's grid holds no level to follow.
  if (size < 2 || data.length !== size * size || !data.every(Number.isFinite)) return [];
  // d3 puts grid value i at i + 0.5, and the grid's border at 0 and size.
  const onBorder = ([u, v]: readonly number[]) => u === 0 || v === 0 || u === size || v === size;
  const toData = (c: number, range: readonly [number, number]) => {
    const t = Math.min(1, Math.max(0, (c - 0.5) / (size - 1)));
    return range[0] + (range[1] - range[0]) * t;
  };
  const point = (p: readonly number[]): [number, number] => [toData(p[0]!, grid.x), toData(p[1]!, grid.y)];
  const lines: BoundaryLine[] = [];
  for (const polygon of contours()
    .size([size, size])
    .thresholds([threshold])(data)
    .flatMap((c) => c.coordinates)) {
    for (const ring of polygon) {
      // d3 closes each ring by repeating its first point.
      const open = ring.slice(0, -1);
      const start = open.findIndex(onBorder);
      if (start < 0) {
        lines.push({ points: open.map(point), closed: true });
        continue;
      }
      // Walk once round from a border point; the inside points between two border points are one line. Its
      // ends lie on the grid's first and last rows or columns, which are the window's edges.
      let run: [number, number][] = [];
      for (let k = 1; k <= open.length; k++) {
        const p = open[(start + k) % open.length]!;
        if (!onBorder(p)) run.push(point(p));
        else {
          if (run.length > 1) lines.push({ points: run, closed: false });
          run = [];
        }
      }
    }
  }
  return lines;
}

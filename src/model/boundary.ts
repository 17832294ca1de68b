/**
 * The decision boundary of the linear model (features x1, x2): σ(x·w + b) =
 * threshold, that is the line w1·x1 + w2·x2 + b = c with c the threshold's
 * logit (0 for 0.5), clipped to a rectangle so a view can draw it as one
 * segment. Curved features draw theirs from the probability grid.
 */
import type { Params } from './regression';

export type Point = readonly [number, number];

/**
 * The visible part of the boundary in [x0, x1] × [y0, y1], or null when it misses the box or w = 0 (then
 * there is no line: neither pair of edges is crossed, so nothing is hit).
 */
export function boundarySegment(
  params: Params,
  xRange: readonly [number, number],
  yRange: readonly [number, number],
  /** c: the logit the boundary is drawn at (decisionLogit of the threshold). */
  cut = 0,
): [Point, Point] | null {
  const [w1 = 0, w2 = 0] = params.w;
  const b = params.b - cut;
  const [xa, xb] = xRange;
  const [ya, yb] = yRange;
  const hits: Point[] = [];
  const add = (x: number, y: number) => {
    const inside = x >= xa - 1e-12 && x <= xb + 1e-12 && y >= ya - 1e-12 && y <= yb + 1e-12;
    if (inside && !hits.some(([hx, hy]) => Math.abs(hx - x) < 1e-9 && Math.abs(hy - y) < 1e-9)) hits.push([x, y]);
  };
  // Stryker disable next-line ConditionalExpression: with w2 = 0 these crossings are ±∞ or NaN, which no finite box holds
  if (w2 !== 0) {
    // Crossings of the left and right edges.
    add(xa, -(w1 * xa + b) / w2);
    add(xb, -(w1 * xb + b) / w2);
  }
  // Stryker disable next-line ConditionalExpression: with w1 = 0 these crossings are ±∞ or NaN, which no finite box holds
  if (w1 !== 0) {
    // Crossings of the bottom and top edges.
    add(-(w2 * ya + b) / w1, ya);
    add(-(w2 * yb + b) / w1, yb);
  }
  if (hits.length < 2) return null;
  return [hits[0] as Point, hits[1] as Point];
}

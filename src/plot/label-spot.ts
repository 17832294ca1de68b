/**
 * Where a short label beside a mark (the "w" at the tip of the weight
 * vector) hides least: of the spots around the mark, the first that covers
 * the fewest obstacles: points (markers of a radius, and the lines drawn,
 * sampled into points) and never a box it must leave free (a legend) or
 * the plot's edge. Pure geometry in pixels.
 */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Eight boxes of this size around (x, y), `gap` from it: the diagonals first (beside an arrow's tip), then the sides. */
export function spotsAround(x: number, y: number, width: number, height: number, gap: number): Box[] {
  const at = (left: number, top: number) => ({ left, top, right: left + width, bottom: top + height });
  const right = x + gap;
  const left = x - gap - width;
  const above = y - gap - height;
  const below = y + gap;
  const middleX = x - width / 2;
  const middleY = y - height / 2;
  return [
    at(right, above),
    at(left, above),
    at(right, below),
    at(left, below),
    at(right, middleY),
    at(left, middleY),
    at(middleX, above),
    at(middleX, below),
  ];
}

/** Points spaced `step` apart along the segment from a to b, both ends included. */
export function alongSegment(
  a: readonly [number, number],
  b: readonly [number, number],
  step: number,
): [number, number][] {
  const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / step));
  return Array.from({ length: n + 1 }, (_, k) => [a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
}

/**
 * The index of the first candidate inside `bounds`, clear of every `blocked`
 * box, that the fewest points (each a disc of `radius`) touch; when every
 * candidate is out of bounds or blocked, the first one.
 */
export function leastCovered(
  candidates: readonly Box[],
  points: readonly (readonly [number, number])[],
  radius: number,
  bounds: Box,
  blocked: readonly Box[] = [],
): number {
  let best = 0;
  let bestScore = Number.POSITIVE_INFINITY;
  candidates.forEach((c, k) => {
    const inside = c.left >= bounds.left && c.right <= bounds.right && c.top >= bounds.top && c.bottom <= bounds.bottom;
    const free = !blocked.some((b) => c.left < b.right && b.left < c.right && c.top < b.bottom && b.top < c.bottom);
    if (!inside || !free) return;
    let score = 0;
    for (const [px, py] of points) {
      if (px > c.left - radius && px < c.right + radius && py > c.top - radius && py < c.bottom + radius) score++;
    }
    if (score < bestScore) {
      best = k;
      bestScore = score;
    }
  });
  return best;
}

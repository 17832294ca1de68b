/**
 * Where a plot shows a point that lies outside it (a diverged run's current
 * weights beyond the cost surface's window): on the edge it lies beyond,
 * where the line from the plot's centre to the point leaves the plot. Pure
 * geometry in pixels.
 */
/**
 * The rectangle (shrunk by
 * `inset`) crossed on the way from its centre to the point, and the way
 * out in degrees; undefined for a point inside.
 */
export function edgePoint(
  plot: { left: number; top: number; width: number; height: number },
  px: number,
  py: number,
  inset: number,
): { x: number; y: number; angle: number } | undefined {
  const inPlot = px >= plot.left && px <= plot.left + plot.width && py >= plot.top && py <= plot.top + plot.height;
  if (inPlot) return undefined;
  const cx = plot.left + plot.width / 2;
  const cy = plot.top + plot.height / 2;
  const dx = px - cx;
  const dy = py - cy;
  const t = Math.min(
    dx === 0 ? Number.POSITIVE_INFINITY : (plot.width / 2 - inset) / Math.abs(dx),
    dy === 0 ? Number.POSITIVE_INFINITY : (plot.height / 2 - inset) / Math.abs(dy),
  );
  return { x: cx + t * dx, y: cy + t * dy, angle: (Math.atan2(dy, dx) * 180) / Math.PI };
}

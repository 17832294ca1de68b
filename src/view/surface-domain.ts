/**
 * The window of weights the cost surface shows: square, centred on w = 0
 * (where every tutorial picture is centred), wide enough for the start and
 * the whole descent path. It only changes when the path leaves it, so the
 * surface is not recomputed every frame.
 */
import type { Params } from '../model/regression';
import type { PlotDomain } from './plot-domain';

/** The tutorial's picture spans about ±5 in both weights. */
const MIN_HALF_WIDTH = 5;

function niceCeil(v: number): number {
  const step = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * step >= v) return m * step;
  return 10 * step;
}

export function fitSurfaceDomain(current: PlotDomain | undefined, points: readonly Params[]): PlotDomain {
  let reach = 0;
  for (const p of points) {
    if (Number.isFinite(p.w1) && Number.isFinite(p.w2)) reach = Math.max(reach, Math.abs(p.w1), Math.abs(p.w2));
  }
  if (current && reach <= current.x[1]) return current;
  const half = niceCeil(Math.max(MIN_HALF_WIDTH, reach * 1.15));
  return { x: [-half, half], y: [-half, half] };
}

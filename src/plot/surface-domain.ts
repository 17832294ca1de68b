/**
 * The window of weights the cost surface shows: square, centred on w = 0
 * (where every tutorial picture is centred), wide enough for w(0) and the
 * whole descent path of the current run, and never wider than the range a
 * w(0) may take, so that a click anywhere on the surface is a valid start.
 * It is a function of the run alone: a new run (reset, new data, a new
 * start) gets its own window, and a diverged run leaves no trace.
 */
import type { Params } from '../model/regression';
import { niceCeil, type PlotDomain } from './plot-domain';

/** The tutorial's picture spans about ±5 in both weights. */
const MIN_HALF_WIDTH = 5;

export function surfaceWindow(points: readonly Params[], maxHalfWidth: number): PlotDomain {
  let reach = 0;
  for (const p of points) {
    if (Number.isFinite(p.w1) && Number.isFinite(p.w2)) reach = Math.max(reach, Math.abs(p.w1), Math.abs(p.w2));
  }
  const half = Math.min(maxHalfWidth, niceCeil(Math.max(MIN_HALF_WIDTH, reach * 1.15)));
  return { x: [-half, half], y: [-half, half] };
}

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

export function surfaceWindow(
  points: readonly Params[],
  maxHalfWidth: number,
  /** The weights on the surface's axes (indices into w). */
  axes: readonly [number, number] = [0, 1],
): PlotDomain {
  let reach = 0;
  for (const p of points) {
    const u = p.w[axes[0]] ?? Number.NaN;
    const v = p.w[axes[1]] ?? Number.NaN;
    if (Number.isFinite(u) && Number.isFinite(v)) reach = Math.max(reach, Math.abs(u), Math.abs(v));
  }
  const half = Math.min(maxHalfWidth, niceCeil(Math.max(MIN_HALF_WIDTH, reach * 1.15)));
  return { x: [-half, half], y: [-half, half] };
}

/**
 * Where a legend inside a plot hides the fewest points: the corner whose
 * legend-sized box holds the fewest of them (counted on an even subsample of
 * large data). Ties go in reading order, top-left first.
 */
import type { Dataset } from '../model/dataset';
import type { PlotDomain } from './plot-domain';

export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
const CORNERS: readonly Corner[] = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];
/** Points looked at, at most. */
const SAMPLE = 20_000;

/** `width` and `height` are the legend's share of the plot's width and height (0–1). */
export function emptiestCorner(data: Dataset, domain: PlotDomain, width: number, height: number): Corner {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const left = x0 + width * (x1 - x0);
  const right = x1 - width * (x1 - x0);
  const top = y1 - height * (y1 - y0);
  const bottom = y0 + height * (y1 - y0);
  const counts = [0, 0, 0, 0];
  const n = data.targets.length;
  const stride = Math.max(1, Math.floor(n / SAMPLE));
  const p = data.points;
  for (let i = 0; i < n; i += stride) {
    const x = p[2 * i]!;
    const y = p[2 * i + 1]!;
    if (y >= top) {
      if (x <= left) counts[0]!++;
      if (x >= right) counts[1]!++;
    }
    if (y <= bottom) {
      if (x <= left) counts[2]!++;
      if (x >= right) counts[3]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < 4; k++) if (counts[k]! < counts[best]!) best = k;
  return CORNERS[best] as Corner;
}

/**
 * The square window the scatter shows: every point inside, equal units on
 * both axes (so the boundary meets w at a right angle, as on paper), round
 * numbers at the edges. Pure, so it is unit-tested.
 */
import { summaryOf } from '../model/data-summary';
import type { Dataset } from '../model/dataset';

export interface PlotDomain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** The tutorial's window, also used when there is nothing to fit. */
export const DEFAULT_DOMAIN: PlotDomain = { x: [-4, 4], y: [-4, 4] };

/** The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or above `half`. */
export function niceCeil(half: number): number {
  const step = 10 ** Math.floor(Math.log10(half));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * step >= half) return m * step;
  return 10 * step;
}

export function plotDomain(data: Dataset): PlotDomain {
  if (data.targets.length === 0) return DEFAULT_DOMAIN;
  const [[x0, x1], [y0, y1]] = summaryOf(data).bounds;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  // 8% margin so no marker sits on an axis; never narrower than ±0.5 around a lone cluster.
  const half = niceCeil(Math.max((x1 - x0) / 2, (y1 - y0) / 2, 0.5) * 1.08);
  // Prefer a window centred on the origin, where a boundary without bias passes, unless it wastes too much room.
  const originHalf = niceCeil(Math.max(-x0, x1, -y0, y1, 0.5) * 1.08);
  if (originHalf <= 1.5 * half) return { x: [-originHalf, originHalf], y: [-originHalf, originHalf] };
  const step = half / 4;
  const round = (v: number) => Math.round(v / step) * step;
  const mx = round(cx);
  const my = round(cy);
  // Re-centring on round numbers can push an edge point out; widen by one step if so.
  const fits = (h: number) => mx - h <= x0 && mx + h >= x1 && my - h <= y0 && my + h >= y1;
  const h = fits(half) ? half : half + step;
  return { x: [mx - h, mx + h], y: [my - h, my + h] };
}

/** A domain as text, to compare windows by value. */
export function plotDomainKey(d: PlotDomain): string {
  return `${d.x[0]},${d.x[1]},${d.y[0]},${d.y[1]}`;
}

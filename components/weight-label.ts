/**
 * The label of the weight vector w on the scatter: beside the arrow's tip
 * where it covers the fewest data points, the arrow and the boundary, never
 * the legend, and inside the plot (src/plot/label-spot does the geometry).
 */

import type { Point } from '../src/model/boundary';
import type { Dataset } from '../src/model/dataset';
import { alongSegment, type Box, leastCovered, spotsAround } from '../src/plot/label-spot';
import type { WeightArrow } from '../src/plot/weight-arrow';
import type { PlotLayout } from './plot-frame';

/** Points looked at, at most, to keep the label off them. */
const SAMPLE = 4000;
/** The label's halo (a 3 px stroke under the text) is part of its box. */
const HALO = 3;
/** Lines are sampled into points this far apart, in px. */
const STEP = 3;

/** An element's box in its offset parent (the plot frame, whose pixels the SVG's are). */
export function boxOf(el: HTMLElement): Box {
  return {
    left: el.offsetLeft,
    top: el.offsetTop,
    right: el.offsetLeft + el.offsetWidth,
    bottom: el.offsetTop + el.offsetHeight,
  };
}

/** Moves `label` (drawn, with its text) to the best spot by the tip of `arrow`. */
export function placeWeightLabel(
  label: SVGTextElement,
  layout: PlotLayout,
  arrow: WeightArrow,
  around: {
    readonly data: Dataset;
    readonly boundary: readonly [Point, Point] | null;
    readonly legend: Box | undefined;
  },
): void {
  const { x, y, plot } = layout;
  const pixel = (p: readonly [number, number]) => [x(p[0]), y(p[1])] as const;
  const tip = pixel(arrow.to);
  const obstacles: [number, number][] = alongSegment(pixel(arrow.from), tip, STEP);
  if (around.boundary) obstacles.push(...alongSegment(pixel(around.boundary[0]), pixel(around.boundary[1]), STEP));
  const { points, targets } = around.data;
  const stride = Math.max(1, Math.floor(targets.length / SAMPLE));
  for (let i = 0; i < targets.length; i += stride) obstacles.push([x(points[2 * i]!), y(points[2 * i + 1]!)]);
  const box = label.getBBox();
  // Beside the tip first; a little farther out where points crowd it.
  const spots = [4, 14, 28].flatMap((gap) => spotsAround(tip[0], tip[1], box.width + HALO, box.height + HALO, gap));
  const bounds = { left: plot.left, top: plot.top, right: plot.left + plot.width, bottom: plot.top + plot.height };
  const spot = spots[leastCovered(spots, obstacles, 5, bounds, around.legend ? [around.legend] : [])] as Box;
  label.setAttribute('x', String(spot.left + HALO / 2 - box.x));
  label.setAttribute('y', String(spot.top + HALO / 2 - box.y));
}

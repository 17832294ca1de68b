/**
 * The weight vector w drawn on the scatter: it starts on the decision
 * boundary (at the point of the boundary nearest the window's centre, which
 * is the origin for the tutorial's model without bias) and points along w,
 * at a right angle to the boundary, towards class 1. It is drawn at its true
 * length in the data's units when that reads well, else scaled (and said so).
 */
import type { Params } from '../model/regression';
import type { PlotDomain } from './plot-domain';

export interface WeightArrow {
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
  /** w / |w|. */
  readonly direction: readonly [number, number];
  /** The arrow is not |w| long: w was too short or too long to draw as is. */
  readonly scaled: boolean;
}

const LENGTH = { min: 0.12, max: 0.35 };

export function weightArrow(
  params: Params,
  domain: PlotDomain,
  /** The logit the boundary is drawn at (0 for the threshold 0.5). */
  cut = 0,
): WeightArrow | undefined {
  // The linear model's arrow: w1 and w2 are the weights of x1 and x2.
  const [w1 = 0, w2 = 0] = params.w;
  const b = params.b - cut;
  const norm = Math.hypot(w1, w2);
  if (!(norm > 0) || !Number.isFinite(norm) || !Number.isFinite(b)) return undefined;
  const cx = (domain.x[0] + domain.x[1]) / 2;
  const cy = (domain.y[0] + domain.y[1]) / 2;
  // Project the centre onto the line w·x + b = cut.
  const offset = (w1 * cx + w2 * cy + b) / (norm * norm);
  const from: [number, number] = [cx - offset * w1, cy - offset * w2];
  const inside = (p: readonly [number, number]) =>
    p[0] >= domain.x[0] && p[0] <= domain.x[1] && p[1] >= domain.y[0] && p[1] <= domain.y[1];
  if (!inside(from)) return undefined;
  const width = domain.x[1] - domain.x[0];
  const length = Math.min(LENGTH.max * width, Math.max(LENGTH.min * width, norm));
  const direction: [number, number] = [w1 / norm, w2 / norm];
  return {
    from,
    to: [from[0] + direction[0] * length, from[1] + direction[1] * length],
    direction,
    scaled: length !== norm,
  };
}

/**
 * Gradient and cost of one mini-batch, read through the per-epoch shuffle.
 * The full-batch case goes through `evaluate` instead, which needs no index map.
 */
import type { Dataset } from './dataset';
import { crossEntropyFromLogit } from './logistic';
import type { Params, Reduction } from './regression';
import { type BatchSlot, type ShuffleDomain, shuffledIndex } from './shuffle';

export interface BatchResult {
  /** The batch gradient: summed, or averaged over the batch for `mean`. */
  readonly gradient: Params;
  /** The batch cost scaled to the whole set under the reduction: an unbiased estimate of the full cost. */
  readonly cost: number;
}

export function batchGradient(
  data: Dataset,
  params: Params,
  reduction: Reduction,
  slot: BatchSlot,
  domain: ShuffleDomain,
  key: number,
): BatchResult {
  const p = data.points;
  let cost = 0;
  let g1 = 0;
  let g2 = 0;
  let gb = 0;
  for (let k = 0; k < slot.count; k++) {
    const i = shuffledIndex(slot.start + k, domain, key);
    const x1 = p[2 * i]!;
    const x2 = p[2 * i + 1]!;
    const t = data.targets[i]!;
    const z = x1 * params.w1 + x2 * params.w2 + params.b;
    const e = Math.exp(-Math.abs(z));
    const d = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - t;
    cost += crossEntropyFromLogit(t, z);
    g1 += x1 * d;
    g2 += x2 * d;
    gb += d;
  }
  const scale = reduction === 'mean' ? 1 / slot.count : 1;
  const costScale = reduction === 'mean' ? 1 / slot.count : domain.n / slot.count;
  return { gradient: { w1: g1 * scale, w2: g2 * scale, b: gb * scale }, cost: cost * costScale };
}

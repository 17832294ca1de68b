/**
 * Gradient and cost of one mini-batch, read through the per-epoch shuffle.
 * The full-batch case goes through `evaluate` instead, which needs no index map.
 */
import type { Dataset } from './dataset';
import { correctCount, estimateScale, type Params, type Reduction, reducedGradient, sumSamples } from './regression';
import { type BatchSlot, type ShuffleDomain, shuffledIndex } from './shuffle';

export interface BatchResult {
  /** The batch gradient: summed, or averaged over the batch for `mean`. */
  readonly gradient: Params;
  /** The batch cost scaled to the whole set under the reduction: an unbiased estimate of the full cost. */
  readonly cost: number;
  /** The fraction of the batch classified right: an estimate of the accuracy. */
  readonly accuracy: number;
}

export function batchGradient(
  data: Dataset,
  params: Params,
  reduction: Reduction,
  slot: BatchSlot,
  domain: ShuffleDomain,
  key: number,
): BatchResult {
  const sums = sumSamples(data, params, slot.count, (k) => shuffledIndex(slot.start + k, domain, key));
  return {
    gradient: reducedGradient(sums, reduction),
    cost: sums.cost * estimateScale(reduction, slot.count, domain.n),
    accuracy: correctCount(sums.confusion) / slot.count,
  };
}

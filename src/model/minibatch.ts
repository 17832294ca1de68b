/**
 * Gradient and cost of one mini-batch, read through the per-epoch shuffle.
 * The full-batch case goes through `evaluate` instead, which needs no index map.
 */
import type { Dataset } from './dataset';
import { hessian } from './hessian';
import {
  correctCount,
  estimateScale,
  type ModelOptions,
  type Params,
  penalty,
  reducedGradient,
  sumSamples,
} from './regression';
import { type BatchSlot, type ShuffleDomain, shuffledIndex } from './shuffle';

export interface BatchResult {
  /** The batch gradient: summed, or averaged over the batch for `mean`; plus the penalty's λw. */
  readonly gradient: Params;
  /** The batch cost scaled to the whole set under the reduction, plus the penalty: an unbiased estimate of the full cost. */
  readonly cost: number;
  /** The fraction of the batch classified right: an estimate of the accuracy. */
  readonly accuracy: number;
}

export function batchGradient(
  data: Dataset,
  params: Params,
  options: ModelOptions,
  slot: BatchSlot,
  domain: ShuffleDomain,
  key: number,
): BatchResult {
  const sums = sumSamples(data, params, options, slot.count, (k) => shuffledIndex(slot.start + k, domain, key));
  return {
    gradient: reducedGradient(sums, params, options),
    cost: sums.cost * estimateScale(options.reduction, slot.count, domain.n) + penalty(params, options.l2),
    accuracy: correctCount(sums.confusion) / slot.count,
  };
}

/** The Hessian over the same batch (Newton's method on mini-batches), scaled as the batch gradient is. */
export function batchHessian(
  data: Dataset,
  params: Params,
  options: ModelOptions,
  slot: BatchSlot,
  domain: ShuffleDomain,
  key: number,
): number[][] {
  return hessian(data, params, options, slot.count, (k) => shuffledIndex(slot.start + k, domain, key));
}

/**
 * The reference model of part 2 of the tutorial: y = σ(x·w + b) trained on the
 * cross-entropy cost by gradient descent. Double precision, no DOM, no GPU.
 * Every engine is checked against these functions.
 */
import { type Dataset, sampleCount } from './dataset';
import { crossEntropyFromLogit, logistic } from './logistic';

/** How per-sample costs and gradients are combined: the tutorial sums them. */
export type Reduction = 'sum' | 'mean';

/** The trainable parameters. With the bias off the model is σ(x·w) and callers keep b = 0. */
export interface Params {
  readonly w1: number;
  readonly w2: number;
  readonly b: number;
}

export interface ModelOptions {
  /** Whether b is trained (the tutorial's model has no bias). */
  readonly bias: boolean;
  readonly reduction: Reduction;
}

export interface TrainingOptions extends ModelOptions {
  readonly learningRate: number;
}

/** Counts of the 2×2 confusion matrix; "positive" is class t = 1. */
export interface Confusion {
  readonly truePositive: number;
  readonly falsePositive: number;
  readonly trueNegative: number;
  readonly falseNegative: number;
}

/** Everything one pass over the data yields at fixed parameters. */
export interface Evaluation {
  /** Σ ξ over the samples. */
  readonly sumCost: number;
  /** Σ ξ / N. */
  readonly meanCost: number;
  /** ∂cost/∂w1, ∂cost/∂w2, ∂cost/∂b under the chosen reduction (b's even when the bias is off). */
  readonly gradient: Params;
  readonly confusion: Confusion;
}

/** The logit z = x·w + b of one point. */
export function logit(params: Params, x1: number, x2: number): number {
  return x1 * params.w1 + x2 * params.w2 + params.b;
}

/** 1 for the summed cost, 1/count for the mean: the one place the reduction is applied. */
export function reductionScale(reduction: Reduction, count: number): number {
  return reduction === 'mean' && count > 0 ? 1 / count : 1;
}

/**
 * The factor that turns a cost summed over `visited` of n samples into an
 * estimate of the cost of all n: scaled up to n for the sum, averaged for
 * the mean. Exact when every sample was visited.
 */
export function estimateScale(reduction: Reduction, visited: number, n: number): number {
  return reduction === 'mean' ? 1 / visited : n / visited;
}

/** The cost under a reduction, from a pass that measured both. */
export function reducedCost(costs: { readonly sumCost: number; readonly meanCost: number }, reduction: Reduction) {
  return reduction === 'mean' ? costs.meanCost : costs.sumCost;
}

/** Raw sums of one pass over some samples (no reduction applied). */
export interface SampleSums {
  readonly count: number;
  readonly cost: number;
  /** Σ x_i (y_i − t_i) and Σ (y_i − t_i). */
  readonly gradient: Params;
  readonly confusion: Confusion;
}

/**
 * Σ ξ, Σ x (y − t), Σ (y − t) and the confusion counts over `count` samples:
 * sample `indexAt(k)` for k = 0 … count − 1, or sample k itself when absent.
 * Class 1 is predicted where σ(z) ≥ 0.5, that is z ≥ 0, as in every kernel.
 * ∂ξ/∂z = y − t, so ∂ξ/∂w = Σ x_i (y_i − t_i) and ∂ξ/∂b = Σ (y_i − t_i).
 */
export function sumSamples(
  data: Dataset,
  params: Params,
  count: number = sampleCount(data),
  indexAt?: (k: number) => number,
): SampleSums {
  const p = data.points;
  const targets = data.targets;
  let cost = 0;
  let g1 = 0;
  let g2 = 0;
  let gb = 0;
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let k = 0; k < count; k++) {
    const i = indexAt === undefined ? k : indexAt(k);
    const x1 = p[2 * i]!;
    const x2 = p[2 * i + 1]!;
    const t = targets[i]!;
    const z = logit(params, x1, x2);
    const d = logistic(z) - t;
    cost += crossEntropyFromLogit(t, z);
    g1 += x1 * d;
    g2 += x2 * d;
    gb += d;
    if (z >= 0) {
      if (t === 1) tp++;
      else fp++;
    } else if (t === 0) tn++;
    else fn++;
  }
  return {
    count,
    cost,
    gradient: { w1: g1, w2: g2, b: gb },
    confusion: { truePositive: tp, falsePositive: fp, trueNegative: tn, falseNegative: fn },
  };
}

/** The gradient sums scaled by the reduction. */
export function reducedGradient(sums: SampleSums, reduction: Reduction): Params {
  const scale = reductionScale(reduction, sums.count);
  return { w1: sums.gradient.w1 * scale, w2: sums.gradient.w2 * scale, b: sums.gradient.b * scale };
}

/** One pass over the whole data set: cost, gradient and confusion counts at `params`. */
export function evaluate(data: Dataset, params: Params, reduction: Reduction): Evaluation {
  const sums = sumSamples(data, params);
  return {
    sumCost: sums.cost,
    meanCost: sums.cost * reductionScale('mean', sums.count),
    gradient: reducedGradient(sums, reduction),
    confusion: sums.confusion,
  };
}

/** The cost under the chosen reduction. */
export function cost(data: Dataset, params: Params, reduction: Reduction): number {
  return reducedCost(evaluate(data, params, reduction), reduction);
}

/** The gradient of the cost under the chosen reduction. */
export function gradient(data: Dataset, params: Params, reduction: Reduction): Params {
  return evaluate(data, params, reduction).gradient;
}

/** Parameters after one step of gradient descent: p − η ∇cost(p); b moves only with the bias on. */
export function applyGradient(params: Params, grad: Params, options: TrainingOptions): Params {
  const eta = options.learningRate;
  return {
    w1: params.w1 - eta * grad.w1,
    w2: params.w2 - eta * grad.w2,
    b: options.bias ? params.b - eta * grad.b : params.b,
  };
}

/** One full-batch gradient-descent step. */
export function gradientDescentStep(data: Dataset, params: Params, options: TrainingOptions): Params {
  return applyGradient(params, gradient(data, params, options.reduction), options);
}

export function correctCount(c: Confusion): number {
  return c.truePositive + c.trueNegative;
}

export function errorCount(c: Confusion): number {
  return c.falsePositive + c.falseNegative;
}

/** The fraction of points classified correctly (0 for an empty set). */
export function accuracy(data: Dataset, params: Params): number {
  const n = sampleCount(data);
  return n === 0 ? 0 : correctCount(confusion(data, params)) / n;
}

export function confusion(data: Dataset, params: Params): Confusion {
  return sumSamples(data, params).confusion;
}

/**
 * The reference model: y = σ(φ(x)·w + b) trained on the cross-entropy cost,
 * with an optional L2 penalty (λ/2)‖w‖², by gradient descent. With the
 * default features φ(x) = (x1, x2) and λ = 0 it is part 2 of the tutorial.
 * Double precision, no DOM, no GPU. Every engine is checked against these
 * functions.
 */
import { type Dataset, sampleCount } from './dataset';
import { DEFAULT_FEATURES, type Feature, featureVector } from './features';
import { crossEntropyOfExp, logisticOfExp, tail } from './logistic';

/** How per-sample costs and gradients are combined: the tutorial sums them. */
export type Reduction = 'sum' | 'mean';

/**
 * The trainable parameters: one weight per feature, in the features' order,
 * and the bias. With the bias off the model is σ(φ(x)·w) and callers keep b = 0.
 */
export interface Params {
  readonly w: readonly number[];
  readonly b: number;
}

/** Parameters as a flat vector [w…, b]: how the flat forms of the rules (…Into, …InPlace) see them. */
export function flatParams(p: Params): Float64Array {
  return Float64Array.of(...p.w, p.b);
}

/** Parameters from a flat vector [w…, b] of d weights. */
export function paramsOfFlat(v: Float64Array, d: number): Params {
  // A loop, not Array.from of a subarray: a thinned history still takes one of these every few steps.
  const w = new Array<number>(d);
  for (let j = 0; j < d; j++) w[j] = v[j]!;
  return { w, b: v[d]! };
}

/** Parameters of the tutorial's width from w1, w2 and b. */
export function params2(w1: number, w2: number, b = 0): Params {
  return { w: [w1, w2], b };
}

/** What the model is: which features it sees, how it is penalised, and where it says class 1. */
export interface ModelForm {
  /** φ, in the order of the weights. */
  readonly features: readonly Feature[];
  /** λ ≥ 0 of the penalty (λ/2)‖w‖² (the bias is never penalised). */
  readonly l2: number;
  /** Class 1 is predicted where σ(z) ≥ threshold, 0 < threshold < 1. */
  readonly threshold: number;
}

/**
 * The tutorial's form: φ(x) = x, no penalty, class 1 from σ(z) = 0.5 on.
 * Written here once; the tutorial's settings (tutorial-reference.ts) take it.
 */
export const TUTORIAL_FORM: ModelForm = { features: DEFAULT_FEATURES, l2: 0, threshold: 0.5 };

/**
 * The logit at which σ(z) = threshold: a point is class 1 where z is at least
 * this. 0 for 0.5 exactly (log 1), as the tutorial's z ≥ 0.
 */
export function decisionLogit(threshold: number): number {
  return Math.log(threshold / (1 - threshold));
}

export interface ModelOptions extends ModelForm {
  /** Whether b is trained (the tutorial's model has no bias). */
  readonly bias: boolean;
  readonly reduction: Reduction;
}

/** A model of a form (the tutorial's unless given) under a reduction, with or without the bias. */
export function modelOptions(reduction: Reduction, bias = false, form: ModelForm = TUTORIAL_FORM): ModelOptions {
  return { ...form, bias, reduction };
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
  /** Σ ξ over the samples, plus the penalty. */
  readonly sumCost: number;
  /** Σ ξ / N, plus the penalty (added once, not averaged). */
  readonly meanCost: number;
  /** ∂cost/∂w and ∂cost/∂b under the chosen reduction, the penalty's λw included (b's even when the bias is off). */
  readonly gradient: Params;
  readonly confusion: Confusion;
}

/** The logit z = φ(x)·w + b of one point. */
export function logit(params: Params, features: readonly Feature[], x1: number, x2: number): number {
  return logitOfFeatures(params, featureVector(features, x1, x2));
}

/**
 * φ·w + b, added in the features' order and b last: with φ = x this is
 * x1·w1 + x2·w2 + b to the last bit, as the tutorial's model computed it.
 */
export function logitOfFeatures(params: Params, phi: Float64Array): number {
  return logitOfWeights(params.w, params.b, phi);
}

/** logitOfFeatures from the weights and b apart (a caller's flat vector of them). */
export function logitOfWeights(w: ArrayLike<number>, b: number, phi: Float64Array): number {
  let z = 0;
  for (let j = 0; j < phi.length; j++) z += phi[j]! * w[j]!;
  return z + b;
}

/** (λ/2)‖w‖²: the L2 penalty, on the weights only. */
export function penalty(params: Params, l2: number): number {
  return penaltyOfWeights(params.w, params.w.length, l2);
}

/** The penalty of the first d entries of `w` (a caller's flat vector, b after them). */
export function penaltyOfWeights(w: ArrayLike<number>, d: number, l2: number): number {
  let squares = 0;
  for (let j = 0; j < d; j++) squares += w[j]! * w[j]!;
  return 0.5 * l2 * squares;
}

/** Throws when the parameters do not have one weight per feature: a caller's mistake, never the user's. */
export function checkWidth(params: Params, features: readonly Feature[]): void {
  if (params.w.length !== features.length) {
    throw new RangeError(`${params.w.length} weights for ${features.length} features (${features.join(', ')})`);
  }
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
  /** Σ φ(x_i)(y_i − t_i) and Σ (y_i − t_i). */
  readonly gradient: Params;
  readonly confusion: Confusion;
}

/**
 * Σ ξ, Σ φ(x)(y − t), Σ (y − t) and the confusion counts over `count`
 * samples: sample `indexAt(k)` for k = 0 … count − 1, or sample k itself when
 * absent. Class 1 is predicted where σ(z) ≥ threshold, that is z ≥ its
 * logit (z ≥ 0 for 0.5), as in every kernel. ∂ξ/∂z = y − t, so ∂ξ/∂w = Σ φ(x_i)(y_i − t_i) and ∂ξ/∂b = Σ (y_i − t_i).
 * No penalty: these are sums over samples.
 */
export function sumSamples(
  data: Dataset,
  params: Params,
  form: ModelForm,
  count: number = sampleCount(data),
  indexAt?: (k: number) => number,
): SampleSums {
  checkWidth(params, form.features);
  const d = params.w.length;
  const out = new Float64Array(flatSumsLength(d));
  sumSamplesInto(data, params.w, params.b, form, out, count, indexAt);
  return {
    count,
    cost: out[0]!,
    gradient: paramsOfFlat(out.subarray(1), d),
    confusion: {
      truePositive: out[d + 2]!,
      falsePositive: out[d + 3]!,
      trueNegative: out[d + 4]!,
      falseNegative: out[d + 5]!,
    },
  };
}

/** The length of sumSamplesInto's output for d weights. */
export function flatSumsLength(d: number): number {
  return d + 6;
}

/**
 * sumSamples without an object: its sums written to `out` as [Σ ξ,
 * Σ φ(x)(y − t) (d values), Σ (y − t), TP, FP, TN, FN], for a caller that
 * takes many passes and must not allocate one (the CPU engine's steps on
 * small data). `weights` holds at least the form's d weights (checked by the
 * caller); entries past them are not read. This is the one loop over
 * samples every CPU pass runs.
 */
export function sumSamplesInto(
  data: Dataset,
  weights: ArrayLike<number>,
  b: number,
  form: ModelForm,
  out: Float64Array,
  count: number = sampleCount(data),
  indexAt?: (k: number) => number,
): void {
  const cut = decisionLogit(form.threshold);
  if (isTutorialForm(form.features)) {
    sumTutorialSamples(data, weights[0]!, weights[1]!, b, cut, out, count, indexAt);
    return;
  }
  const features = form.features;
  const p = data.points;
  const targets = data.targets;
  const d = features.length;
  const phi = new Float64Array(d);
  out.fill(0, 0, flatSumsLength(d));
  let cost = 0;
  let gb = 0;
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let k = 0; k < count; k++) {
    const i = indexAt === undefined ? k : indexAt(k);
    const t = targets[i]!;
    featureVector(features, p[2 * i]!, p[2 * i + 1]!, phi);
    const z = logitOfWeights(weights, b, phi);
    const e = tail(z);
    const r = logisticOfExp(z, e) - t;
    cost += crossEntropyOfExp(t, z, e);
    for (let j = 0; j < d; j++) out[1 + j]! += phi[j]! * r;
    gb += r;
    if (z >= cut) {
      if (t === 1) tp++;
      else fp++;
    } else if (t === 0) tn++;
    else fn++;
  }
  out[0] = cost;
  writeTail(out, d, gb, tp, fp, tn, fn);
}

/** TP + TN from sumSamplesInto's output for d weights: correctCount without the object. */
export function flatCorrectCount(out: Float64Array, d: number): number {
  return out[d + 2]! + out[d + 4]!;
}

/** Σ (y − t) and the confusion counts, after the d gradient sums. */
function writeTail(out: Float64Array, d: number, gb: number, tp: number, fp: number, tn: number, fn: number): void {
  out[d + 1] = gb;
  out[d + 2] = tp;
  out[d + 3] = fp;
  out[d + 4] = tn;
  out[d + 5] = fn;
}

/** Whether the features are the tutorial's x1, x2, in that order. */
export function isTutorialForm(features: readonly Feature[]): boolean {
  return features.length === 2 && features[0] === DEFAULT_FEATURES[0] && features[1] === DEFAULT_FEATURES[1];
}

/**
 * sumSamplesInto for the tutorial's features, where φ(x) = x: the same sums
 * in the same order (z = 0 + x1·w1 + x2·w2 + b, as logitOfFeatures adds), to
 * the last bit, without a feature vector per sample. This is the CPU
 * engine's inner loop for every lesson's model; the general one took it to
 * 2.3 times the time at N = 10⁵.
 */
function sumTutorialSamples(
  data: Dataset,
  w1: number,
  w2: number,
  b: number,
  cut: number,
  out: Float64Array,
  count: number,
  indexAt: ((k: number) => number) | undefined,
): void {
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
    const t = targets[i]!;
    const x1 = p[2 * i]!;
    const x2 = p[2 * i + 1]!;
    const z = 0 + x1 * w1 + x2 * w2 + b;
    const e = tail(z);
    const r = logisticOfExp(z, e) - t;
    cost += crossEntropyOfExp(t, z, e);
    g1 += x1 * r;
    g2 += x2 * r;
    gb += r;
    if (z >= cut) {
      if (t === 1) tp++;
      else fp++;
    } else if (t === 0) tn++;
    else fn++;
  }
  out[0] = cost;
  out[1] = g1;
  out[2] = g2;
  writeTail(out, 2, gb, tp, fp, tn, fn);
}

/**
 * The gradient of the cost from sums over some samples: the sums scaled by
 * the reduction (over the samples summed), plus the penalty's λw.
 */
export function reducedGradient(sums: SampleSums, params: Params, options: ModelOptions): Params {
  const d = params.w.length;
  const out = new Float64Array(d + 1);
  const scale = reductionScale(options.reduction, sums.count);
  reduceGradientInto(flatParams(sums.gradient), 0, params.w, scale, options.l2, out);
  return paramsOfFlat(out, d);
}

/**
 * reducedGradient on flat vectors: the d + 1 sums from `sums[at]` on
 * (Σ φ(x)(y − t), then Σ (y − t)) scaled, plus λw for the weights, written
 * to `out` as [∂/∂w…, ∂/∂b]; d is `out`'s length less one.
 */
export function reduceGradientInto(
  sums: ArrayLike<number>,
  at: number,
  weights: ArrayLike<number>,
  scale: number,
  l2: number,
  out: Float64Array,
): void {
  const d = out.length - 1;
  for (let j = 0; j < d; j++) out[j] = sums[at + j]! * scale + l2 * weights[j]!;
  out[d] = sums[at + d]! * scale;
}

/** The cost under a reduction from the sum of ξ over `count` samples and the penalty (added once, not averaged). */
export function reducedCostOf(cost: number, count: number, extra: number, reduction: Reduction): number {
  return cost * reductionScale(reduction, count) + extra;
}

/**
 * The sums of two parts of the samples as the sums of both: the parts' sums
 * added, the first's first (a split pass adds its parts in their order).
 */
export function addSums(a: SampleSums, b: SampleSums): SampleSums {
  const ca = a.confusion;
  const cb = b.confusion;
  return {
    count: a.count + b.count,
    cost: a.cost + b.cost,
    gradient: { w: a.gradient.w.map((g, j) => g + b.gradient.w[j]!), b: a.gradient.b + b.gradient.b },
    confusion: {
      truePositive: ca.truePositive + cb.truePositive,
      falsePositive: ca.falsePositive + cb.falsePositive,
      trueNegative: ca.trueNegative + cb.trueNegative,
      falseNegative: ca.falseNegative + cb.falseNegative,
    },
  };
}

/** One pass over the whole data set: cost, gradient and confusion counts at `params`, the penalty included. */
export function evaluate(data: Dataset, params: Params, options: ModelOptions): Evaluation {
  return evaluationOf(sumSamples(data, params, options), params, options);
}

/** The evaluation at `params` from the sums over every sample: the reduction and the penalty applied. */
export function evaluationOf(sums: SampleSums, params: Params, options: ModelOptions): Evaluation {
  const extra = penalty(params, options.l2);
  return {
    sumCost: reducedCostOf(sums.cost, sums.count, extra, 'sum'),
    meanCost: reducedCostOf(sums.cost, sums.count, extra, 'mean'),
    gradient: reducedGradient(sums, params, options),
    confusion: sums.confusion,
  };
}

/** The cost under the chosen reduction. */
export function cost(data: Dataset, params: Params, options: ModelOptions): number {
  return reducedCost(evaluate(data, params, options), options.reduction);
}

/** The gradient of the cost under the chosen reduction. */
export function gradient(data: Dataset, params: Params, options: ModelOptions): Params {
  return evaluate(data, params, options).gradient;
}

/** Parameters after one step of gradient descent: p − η ∇cost(p); b moves only with the bias on. */
export function applyGradient(
  params: Params,
  grad: Params,
  options: Pick<TrainingOptions, 'learningRate' | 'bias'>,
): Params {
  const eta = options.learningRate;
  return {
    w: params.w.map((w, j) => w - eta * grad.w[j]!),
    b: options.bias ? params.b - eta * grad.b : params.b,
  };
}

/** One full-batch gradient-descent step. */
export function gradientDescentStep(data: Dataset, params: Params, options: TrainingOptions): Params {
  return applyGradient(params, gradient(data, params, options), options);
}

export function correctCount(c: Confusion): number {
  return c.truePositive + c.trueNegative;
}

export function errorCount(c: Confusion): number {
  return c.falsePositive + c.falseNegative;
}

/** The fraction of points classified correctly (0 for an empty set). */
export function accuracy(data: Dataset, params: Params, form: ModelForm = TUTORIAL_FORM): number {
  const n = sampleCount(data);
  return n === 0 ? 0 : correctCount(confusion(data, params, form)) / n;
}

export function confusion(data: Dataset, params: Params, form: ModelForm = TUTORIAL_FORM): Confusion {
  return sumSamples(data, params, form).confusion;
}

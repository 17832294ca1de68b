/**
 * The threshold and what it decides: at one threshold the confusion counts
 * and precision, recall and F1; over every threshold the ROC curve (the
 * true- against the false-positive rate) and the area under it. A point is
 * predicted t = 1 where its probability is at least the threshold, as the
 * engines do at ½ (σ(z) ≥ ½ exactly where z ≥ 0).
 */
import type { Dataset } from './dataset';
import { type Feature, featureVector } from './features';
import { logistic } from './logistic';
import { type Confusion, logitOfFeatures, type Params } from './regression';

/** The probabilities the model gives every stride-th sample (from the first), with their classes. */
export function sampleProbabilities(
  data: Dataset,
  params: Params,
  features: readonly Feature[],
  stride = 1,
): { readonly probabilities: Float64Array; readonly targets: Uint8Array } {
  const n = Math.ceil(data.targets.length / stride);
  const probabilities = new Float64Array(n);
  const targets = new Uint8Array(n);
  const phi = new Float64Array(features.length);
  const p = data.points;
  for (let k = 0; k < n; k++) {
    const i = k * stride;
    featureVector(features, p[2 * i]!, p[2 * i + 1]!, phi);
    probabilities[k] = logistic(logitOfFeatures(params, phi));
    targets[k] = data.targets[i]!;
  }
  return { probabilities, targets };
}

/** The confusion counts with class 1 predicted where `probabilities[i] ≥ threshold`. */
export function confusionAt(
  probabilities: ArrayLike<number>,
  targets: ArrayLike<number>,
  threshold: number,
): Confusion {
  let truePositive = 0;
  let falsePositive = 0;
  let trueNegative = 0;
  let falseNegative = 0;
  for (let i = 0; i < targets.length; i++) {
    const positive = (probabilities[i] as number) >= threshold;
    if (targets[i] === 1) {
      if (positive) truePositive++;
      else falseNegative++;
    } else if (positive) falsePositive++;
    else trueNegative++;
  }
  return { truePositive, falsePositive, trueNegative, falseNegative };
}

/** A share of a count, 0 when there is nothing to share (scikit-learn's zero_division=0): never NaN. */
function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

export interface ThresholdMeasures {
  /** Of the points predicted t = 1, the share that are. */
  readonly precision: number;
  /** Of the points with t = 1, the share predicted so (the true-positive rate). */
  readonly recall: number;
  /** The harmonic mean of precision and recall. */
  readonly f1: number;
}

export function thresholdMeasures(c: Confusion): ThresholdMeasures {
  const precision = share(c.truePositive, c.truePositive + c.falsePositive);
  const recall = share(c.truePositive, c.truePositive + c.falseNegative);
  return { precision, recall, f1: share(2 * precision * recall, precision + recall) };
}

/** The ROC curve: from (0, 0) to (1, 1), one point per distinct probability, in falling threshold order. */
export interface RocCurve {
  readonly falsePositiveRate: Float64Array;
  readonly truePositiveRate: Float64Array;
  /** The area under the curve: the chance that a point of class 1 scores above one of class 0, ties counting half. */
  readonly auc: number;
}

/**
 * The ROC curve of these probabilities, or undefined when a class has no
 * points (then no rate is defined) or a probability is NaN (a diverged run's:
 * it has no place in the order).
 */
export function rocCurve(probabilities: ArrayLike<number>, targets: ArrayLike<number>): RocCurve | undefined {
  // Typed arrays throughout, sized by a first count: arrays of boxed numbers grown by push made this about
  // 110 ms of the main thread at 200 000 samples, after every edit.
  let ones = 0;
  for (let i = 0; i < targets.length; i++) {
    if (Number.isNaN(probabilities[i] as number)) return undefined;
    if (targets[i] === 1) ones++;
  }
  if (ones === 0 || ones === targets.length) return undefined;
  const positive = new Float64Array(ones);
  const negative = new Float64Array(targets.length - ones);
  for (let i = 0, a = 0, b = 0; i < targets.length; i++) {
    if (targets[i] === 1) positive[a++] = probabilities[i] as number;
    else negative[b++] = probabilities[i] as number;
  }
  // Each class sorted on its own (typed arrays sort numbers natively), then walked together from the top.
  positive.sort();
  negative.sort();
  // (0, 0), then one point per distinct probability: n + 1 at most.
  const fpr = new Float64Array(targets.length + 1);
  const tpr = new Float64Array(targets.length + 1);
  let points = 1;
  let auc = 0;
  let i = positive.length - 1;
  let j = negative.length - 1;
  while (i >= 0 || j >= 0) {
    const score = Math.max(
      i >= 0 ? positive[i]! : Number.NEGATIVE_INFINITY,
      j >= 0 ? negative[j]! : Number.NEGATIVE_INFINITY,
    );
    while (i >= 0 && positive[i] === score) i--;
    while (j >= 0 && negative[j] === score) j--;
    const x = (negative.length - 1 - j) / negative.length;
    const y = (positive.length - 1 - i) / positive.length;
    // The trapezoid under the step: a tie of both classes is a diagonal, which counts it half.
    auc += ((x - fpr[points - 1]!) * (y + tpr[points - 1]!)) / 2;
    fpr[points] = x;
    tpr[points] = y;
    points++;
  }
  return { falsePositiveRate: fpr.slice(0, points), truePositiveRate: tpr.slice(0, points), auc };
}

/**
 * The likelihood of one weight w on a handful of samples (x_i, t_i) on a
 * line: each sample's probability P(t_i | z_i) with z_i = w·x_i, their
 * product L(w) and the sum of their logs, log L(w). The log of a product is
 * a sum, and −log L is the cross-entropy summed over the samples: maximising
 * the likelihood and minimising the cost are one problem.
 */
import { crossEntropyFromLogit } from './logistic';

export interface LineSample {
  readonly x: number;
  readonly t: 0 | 1;
}

export interface Likelihood {
  /** P(t_i | z_i), sample by sample. */
  readonly probabilities: readonly number[];
  /** L(w) = ∏ P(t_i | z_i). */
  readonly likelihood: number;
  /** log L(w) = Σ log P(t_i | z_i) = −Σ ξ(t_i, z_i). */
  readonly logLikelihood: number;
}

export function likelihoodOf(samples: readonly LineSample[], w: number): Likelihood {
  // log P(t | z) is −ξ(t, z), computed stably from the logit.
  const logs = samples.map(({ x, t }) => -crossEntropyFromLogit(t, w * x));
  const logLikelihood = logs.reduce((a, b) => a + b, 0);
  return { probabilities: logs.map(Math.exp), likelihood: Math.exp(logLikelihood), logLikelihood };
}

/** The lecture's handful: two classes on a line that overlap a little, so the best w is finite. */
export const LINE_SAMPLES: readonly LineSample[] = [
  { x: -2.2, t: 0 },
  { x: -1.3, t: 0 },
  { x: -0.4, t: 1 },
  { x: 0.3, t: 0 },
  { x: 0.9, t: 1 },
  { x: 1.8, t: 1 },
];

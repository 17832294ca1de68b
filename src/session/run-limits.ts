/**
 * Where a run stops by itself, whatever it is asked: at the first step that
 * takes a weight past WEIGHT_LIMIT (every logit is then saturated: the run
 * has left the range where it learns anything), and at MAX_ITERATION (far
 * below 2⁵³, so the iteration count always counts by one). Both hold
 * whatever the cost does and however long a step(n) is. And the largest
 * parameter a run can reach, which a model file of any run may carry.
 */
import { limitVerdict, type RunLimits } from '../contract/engine';
import { CSV_MAX_ROWS } from '../model/csv';
import { COORDINATE_LIMIT } from '../model/input-range';
import type { Params } from '../model/regression';
import { LIMITS } from '../settings/settings';
import { iterationLimitStop, weightLimitStop } from '../text/messages';

/** A weight this large saturates every logit: the run has left the useful range. */
export const WEIGHT_LIMIT = 1e6;

/** The highest iteration a run reaches (a million million steps: weeks of stepping at a million a second). */
export const MAX_ITERATION = 1e12;

/**
 * The largest |w₁|, |w₂| or |b| a run can reach: it stops at the first step
 * past WEIGHT_LIMIT, and one step moves a parameter by at most η·N·max|x|
 * (the summed gradient, |σ − t| ≤ 1), here with room for five times the
 * points a file holds (clicks add more). In float32 the summed cost there
 * stays finite (src/model/input-range.test.ts).
 */
export const PARAMETER_LIMIT = WEIGHT_LIMIT + LIMITS.learningRate.max * 5 * CSV_MAX_ROWS * COORDINATE_LIMIT;

/** Why a run stopped at a limit, as the status says it. */
export const LIMIT_STOPS = {
  weights: weightLimitStop(WEIGHT_LIMIT),
  iteration: iterationLimitStop(MAX_ITERATION),
} as const;

/**
 * The limits a run stops at, as an engine applies them (TrainExtras.limits): the step past WEIGHT_LIMIT is
 * its last. A step of gradient descent moves a weight by at most η·N·max|x|, so that step lies within
 * PARAMETER_LIMIT; the other optimisers' steps have no such bound (momentum's velocity, Newton's H⁻¹g): a
 * step that would leap past PARAMETER_LIMIT, or to no number at all, is not taken.
 */
export const RUN_LIMITS: RunLimits = { weight: WEIGHT_LIMIT, leap: PARAMETER_LIMIT };

/** Whether parameters have left the useful range: a weight past WEIGHT_LIMIT, or a number that is not finite. */
export function pastWeightLimit(p: Params): boolean {
  return limitVerdict(p, RUN_LIMITS) !== 'within';
}

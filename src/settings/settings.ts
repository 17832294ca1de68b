/**
 * The training settings a user, a URL or a script can set, their defaults
 * (the tutorial's) and their limits. The settings table (settings-schema.ts)
 * checks them against these limits.
 */
import { CSV_MAX_ROWS } from '../model/csv';
import type { TrainingSettings } from '../model/training-settings';
import { TUTORIAL_SETTINGS } from '../model/tutorial-reference';

export type { TrainingSettings } from '../model/training-settings';

/**
 * The tutorial's experiment (w(0) = (−4, −2), η = 0.05, summed cost, no
 * bias, full batch), written once in src/model/tutorial-reference.ts so that
 * the engines, below this layer, start from the same values.
 */
export const DEFAULT_SETTINGS: TrainingSettings = TUTORIAL_SETTINGS;

export const LIMITS = {
  learningRate: { min: 1e-6, max: 10 },
  /** Initial weights and bias: beyond this every logit saturates and nothing is learnt. */
  parameter: { min: -1000, max: 1000 },
  /** λ of the L2 penalty: past this every weight is held at 0 whatever the data. */
  l2: { min: 0, max: 1000 },
  /** Where class 1 begins, strictly between 0 and 1. */
  threshold: { min: 0.01, max: 0.99 },
  /** Up to the most points a data set holds (0 is the full batch). */
  batchSize: { min: 0, max: CSV_MAX_ROWS },
  /** β of momentum and Nesterov, and Adam's β₁: below 1, where the velocity would never forget. */
  momentum: { min: 0, max: 0.999 },
  /** Adam's β₂: below 1, where its bias correction 1 − β₂ᵏ would be 0. */
  beta2: { min: 0, max: 0.99999 },
  /** Adam's ε: above 0, so that a zero gradient never divides by zero. */
  epsilon: { min: 1e-12, max: 1 },
} as const;

/** Why a value was refused, in words a user can act on. */
export class SettingError extends RangeError {
  override name = 'SettingError';
}

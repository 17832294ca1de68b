/**
 * A race of optimisers: up to six racers, each a rule and its η (and β for
 * momentum and Nesterov), all from the same w(0), on the same data,
 * features, λ, reduction and mini-batch sequence, so that what differs
 * between their paths is the rule alone.
 */
import type { Optimizer } from './optimizers';

/** The most racers a race holds: six paths stay apart on one surface, in six colours told apart. */
export const MAX_RACERS = 6;

export interface Racer {
  readonly optimizer: Optimizer;
  readonly learningRate: number;
  /** β of momentum and Nesterov; the training settings' momentum when absent. */
  readonly momentum?: number;
}

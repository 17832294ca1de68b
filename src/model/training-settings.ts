/**
 * What a training run is configured by: the step size, the start, the
 * model's form and the batch. The settings table (src/settings) checks and
 * names them; the tutorial's values (tutorial-reference.ts) are the defaults.
 */
import type { Feature } from './features';
import type { OptimizerSettings } from './optimizers';
import type { Racer } from './race';
import type { Reduction } from './regression';

/** With the optimiser's rule and its constants (optimizers.ts): gradient descent, the tutorial's, by default. */
export interface TrainingSettings extends OptimizerSettings {
  readonly learningRate: number;
  /** w(0): one weight per feature, in the features' order. */
  readonly initialWeights: readonly number[];
  /** Used only with the bias on; the model without bias is σ(x·w). */
  readonly initialBias: number;
  readonly bias: boolean;
  readonly reduction: Reduction;
  /** Samples per step; 0 is the full batch. */
  readonly batchSize: number;
  /** What the model sees of a point, in FEATURES order (x1, x2 by default). */
  readonly features: readonly Feature[];
  /** λ ≥ 0 of the penalty (λ/2)‖w‖²; 0 is none. */
  readonly l2: number;
  /** Class 1 is predicted where y ≥ threshold (0.5 by default). */
  readonly threshold: number;
  /** The share of the data held out as a test set, 0 to 0.9 (src/model/split.ts); 0 holds out none. */
  readonly testFraction: number;
  /** The two features whose weights the cost surface varies (its x and y), the others held: a view of the run, not part of it. */
  readonly surfaceFeatures: readonly [Feature, Feature];
  /**
   * A race (race.ts): none when empty; else two to six racers, racer 0 the model itself, whose optimiser,
   * η and β are the ones above (the settings keep the two alike).
   */
  readonly race: readonly Racer[];
}

/**
 * What a training run is configured by: the step size, the start, the
 * model's form and the batch. The settings table (src/settings) checks and
 * names them; the tutorial's values (tutorial-reference.ts) are the defaults.
 */
import type { Reduction } from './regression';

export interface TrainingSettings {
  readonly learningRate: number;
  readonly initialWeights: readonly [number, number];
  /** Used only with the bias on; the model without bias is σ(x·w). */
  readonly initialBias: number;
  readonly bias: boolean;
  readonly reduction: Reduction;
  /** Samples per step; 0 is the full batch. */
  readonly batchSize: number;
}

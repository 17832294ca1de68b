/**
 * What a training run looks like from outside: the run published after each
 * operation, and the API's `state` of it. Pure functions of the run.
 */
import type { EngineKind, Snapshot } from '../contract/engine';
import type { Dataset } from '../model/dataset';
import type { Optimizer, OptimizerState } from '../model/optimizers';
import { correctCount, type Params, reducedCost } from '../model/regression';
import { thresholdMeasures } from '../model/roc';
import type { TrainingSettings } from '../settings/settings';
import type { HistoryEntry } from './history';
import type { RivalState } from './rivals';

/** What the element exposes as `state`: plain numbers of one consistent moment, safe to copy. */
export interface TrainingState {
  readonly iteration: number;
  /** One per feature, in the features' order. */
  readonly weights: readonly number[];
  readonly bias: number;
  /** The cost under the chosen reduction. */
  readonly cost: number;
  readonly meanCost: number;
  /** Of the samples, the share classified right at the threshold. */
  readonly accuracy: number;
  /** Of the samples called class 1 at the threshold, the share that are (0 when none are called so). */
  readonly precision: number;
  /** Of the samples of class 1, the share called so at the threshold. */
  readonly recall: number;
  /** The harmonic mean of precision and recall. */
  readonly f1: number;
  /** The area under the ROC curve (over every threshold); NaN until it is computed, or where it is not defined. */
  readonly auc: number;
  /** N, the number of samples these numbers were measured on: the training samples. */
  readonly samples: number;
  /** The samples held out as the test set (0 when none are). */
  readonly testSamples: number;
  /** The mean cost on the test set, penalised as the training cost is; NaN without a test set. */
  readonly testCost: number;
  /** The share of the test set classified right at the threshold; NaN without a test set. */
  readonly testAccuracy: number;
  /** The area under the test set's ROC curve; NaN without a test set (or with one class in it). */
  readonly testAuc: number;
  readonly engine: EngineKind;
  /** In a race, every racer (the first is the model these numbers are of), in race order. */
  readonly race?: readonly RacerState[];
}

/** One racer of a race, as `state.race` lists it: its rule, and the state's own numbers of where it is. */
export type RacerState = Pick<TrainingState, 'iteration' | 'weights' | 'bias' | 'cost' | 'meanCost' | 'accuracy'> & {
  readonly optimizer: Optimizer;
  readonly learningRate: number;
};

/** Everything about the run at one moment, measured on one data set. */
export interface Run {
  /** Goes up by one whenever the data change (a load, a preset, an edit). */
  readonly dataVersion: number;
  /** The samples the engine trains on (all of them unless a test set is held out). */
  readonly data: Dataset;
  /** The test set held out from training, if one is. */
  readonly test: Dataset | undefined;
  readonly settings: TrainingSettings;
  readonly iteration: number;
  /** The whole data set evaluated at the current parameters. */
  readonly evaluation: Snapshot;
  /** The optimiser's state at these parameters (velocity, moments, steps); undefined where it is zero, as at w(0). */
  readonly optimizer?: OptimizerState;
  /** In a race, the racers beside the model (settings.race[1…]), in race order. */
  readonly rivals?: readonly RivalState[];
  /** w(i), the cost and the accuracy at each iteration, oldest first (thinned on long runs). */
  readonly history: readonly HistoryEntry[];
  readonly engine: EngineKind;
}

export function initialParams(settings: TrainingSettings): Params {
  return { w: settings.initialWeights.slice(), b: settings.bias ? settings.initialBias : 0 };
}

export function accuracyOf(snapshot: Snapshot, n: number): number {
  return n > 0 ? correctCount(snapshot.confusion) / n : 0;
}

/** What is measured beside the run, where it was: the AUC of its ROC curve, and the test set's cost and accuracy. */
export interface SideMeasures {
  readonly auc?: number;
  readonly test?: {
    readonly cost: number;
    readonly accuracy: number;
    readonly roc?: { readonly auc: number } | undefined;
  };
}

/** The API's `state` of a run. */
export function stateOf(run: Run, side: SideMeasures = {}): TrainingState {
  const { params } = run.evaluation;
  const n = run.data.targets.length;
  return {
    iteration: run.iteration,
    weights: params.w.slice(),
    bias: params.b,
    cost: reducedCost(run.evaluation, run.settings.reduction),
    meanCost: run.evaluation.meanCost,
    accuracy: accuracyOf(run.evaluation, n),
    ...thresholdMeasures(run.evaluation.confusion),
    auc: side.auc ?? Number.NaN,
    samples: n,
    testSamples: run.test?.targets.length ?? 0,
    testCost: side.test?.cost ?? Number.NaN,
    testAccuracy: side.test?.accuracy ?? Number.NaN,
    testAuc: side.test?.roc?.auc ?? Number.NaN,
    engine: run.engine,
    ...(run.rivals ? { race: raceState(run, run.rivals) } : {}),
  };
}

/** Every racer of a race: the model first, then the racers beside it. */
function raceState(run: Run, rivals: readonly RivalState[]): RacerState[] {
  const { params } = run.evaluation;
  const n = run.data.targets.length;
  const model: RacerState = {
    optimizer: run.settings.optimizer,
    learningRate: run.settings.learningRate,
    iteration: run.iteration,
    weights: params.w.slice(),
    bias: params.b,
    cost: reducedCost(run.evaluation, run.settings.reduction),
    meanCost: run.evaluation.meanCost,
    accuracy: accuracyOf(run.evaluation, n),
  };
  return [
    model,
    ...rivals.map((r) => ({
      optimizer: r.racer.optimizer,
      learningRate: r.racer.learningRate,
      iteration: r.iteration,
      weights: r.params.w.slice(),
      bias: r.params.b,
      cost: r.cost,
      meanCost: r.meanCost,
      accuracy: r.accuracy,
    })),
  ];
}

/** The state before anything is measured: w(0), iteration 0, NaN costs and accuracy (for the API, never shown). */
export function unmeasuredState(settings: TrainingSettings, samples: number, engine: EngineKind): TrainingState {
  const start = initialParams(settings);
  return {
    iteration: 0,
    weights: start.w,
    bias: start.b,
    cost: Number.NaN,
    meanCost: Number.NaN,
    accuracy: Number.NaN,
    precision: Number.NaN,
    recall: Number.NaN,
    f1: Number.NaN,
    auc: Number.NaN,
    samples,
    testSamples: 0,
    testCost: Number.NaN,
    testAccuracy: Number.NaN,
    testAuc: Number.NaN,
    engine,
  };
}

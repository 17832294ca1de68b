/**
 * What a training run looks like from outside: the run published after each
 * operation, and the API's `state` of it. Pure functions of the run.
 */
import type { EngineKind, Snapshot } from '../contract/engine';
import type { Dataset } from '../model/dataset';
import { correctCount, type Params, reducedCost } from '../model/regression';
import type { TrainingSettings } from '../settings/settings';
import type { HistoryEntry } from './history';

/** What the element exposes as `state`: plain numbers of one consistent moment, safe to copy. */
export interface TrainingState {
  readonly iteration: number;
  /** One per feature, in the features' order. */
  readonly weights: readonly number[];
  readonly bias: number;
  /** The cost under the chosen reduction. */
  readonly cost: number;
  readonly meanCost: number;
  readonly accuracy: number;
  /** N, the number of samples these numbers were measured on. */
  readonly samples: number;
  readonly engine: EngineKind;
}

/** Everything about the run at one moment, measured on one data set. */
export interface Run {
  /** Goes up by one whenever the data change (a load, a preset, an edit). */
  readonly dataVersion: number;
  readonly data: Dataset;
  readonly settings: TrainingSettings;
  readonly iteration: number;
  /** The whole data set evaluated at the current parameters. */
  readonly evaluation: Snapshot;
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

/** The API's `state` of a run. */
export function stateOf(run: Run): TrainingState {
  const { params } = run.evaluation;
  const n = run.data.targets.length;
  return {
    iteration: run.iteration,
    weights: params.w.slice(),
    bias: params.b,
    cost: reducedCost(run.evaluation, run.settings.reduction),
    meanCost: run.evaluation.meanCost,
    accuracy: accuracyOf(run.evaluation, n),
    samples: n,
    engine: run.engine,
  };
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
    samples,
    engine,
  };
}

/**
 * The one read-only object the playground's views draw from, published by
 * the controller after every change: the run (data, weights, costs and
 * history of one moment), the grids computed for it, and the sentences that
 * explain what is going on. Views never reach into the controller.
 */
import type { GridSpec } from '../contract/engine';
import type { Params } from '../model/regression';
import { safeLearningRate } from '../model/step-bound';
import type { PlotDomain } from '../plot/plot-domain';
import type { SurfaceStatus } from '../session/cost-surface-job';
import { rateAdvice } from '../session/divergence';
import type { Run, TrainingState } from '../session/training-session';
import type { PlaygroundSettings } from '../settings/playground-settings';
import { fastestPaceStatus, paceStatus, stepAdviceText } from '../text/messages';
import type { Pace } from './play-clock';
import type { RocView } from './roc-cache';
import type { TestMeasures } from './test-measures';

export interface ProbabilityImage {
  readonly grid: GridSpec;
  readonly values: Float32Array;
}

/** Long work under way that the page should show (drawing a large data set, say). */
export interface Busy {
  readonly label: string;
  /** 0–1, or undefined when there is no telling how far it is. */
  readonly progress?: number;
}

/** Why η is likely too large for these data, before any step is taken. */
export interface StepAdvice {
  readonly text: string;
  /** The mean cost would make η safe: offer to switch. */
  readonly offerMean: boolean;
}

export interface PublishedState {
  readonly settings: PlaygroundSettings;
  readonly run: Run;
  /** The API's numbers of `run`. */
  readonly state: TrainingState;
  /** The window of the input plane the scatter shows. */
  readonly scatterDomain: PlotDomain;
  /** P(t = 1 | x) over `scatterDomain` at the run's weights. */
  readonly probabilities: ProbabilityImage | undefined;
  readonly surface: SurfaceStatus | undefined;
  /** The ROC curve of the run's training data (an estimate from a sample of large data); undefined where a class is missing. */
  readonly roc: RocView | undefined;
  /** How the model does on the test set held out, now and since the run started; undefined without one. */
  readonly test: { readonly measures: TestMeasures; readonly history: readonly TestMeasures[] } | undefined;
  /** Where the data came from when the preset no longer describes them ('' when it does). */
  readonly customData: string;
  /** What Undo and Redo would do to the data, in words; undefined when there is nothing to do. */
  readonly undo: { readonly undo: string | undefined; readonly redo: string | undefined };
  /** The last thing done, said in words (for a live region). */
  readonly status: string;
  /** Why training stopped on its own, if it did. */
  readonly divergence: string;
  readonly stepAdvice: StepAdvice | undefined;
  /** In a race, the racer whose boundary the scatter shows (0: the model, also outside a race). */
  readonly racer: number;
  /** The parameters whose boundary and weight vector the scatter shows: that racer's. */
  readonly boundary: Params;
  readonly playing: boolean;
  /** Said while Play cannot keep the pace asked for ('' while it can). */
  readonly pace: string;
}

/**
 * The largest safe η for a run's data and model, computed once per data set and model. It is gradient
 * descent's (2/L: every step lowers the cost): the other rules' η means something else (Adam's a step's
 * size, Newton's a damping), and none of them promises a lower cost every step, so none gets this advice.
 */
export class SafeRateCache {
  private key = '';
  private rate = Number.POSITIVE_INFINITY;

  of(run: Run, reduction = run.settings.reduction): number {
    const { bias, features, l2, optimizer } = run.settings;
    if (optimizer !== 'gd') return Number.POSITIVE_INFINITY;
    const key = `${run.dataVersion}|${bias}|${reduction}|${features.join()}|${l2}`;
    if (key !== this.key) {
      this.key = key;
      this.rate = safeLearningRate(run.data, bias, reduction, { features, l2 });
    }
    return this.rate;
  }
}

/** Advice when η is above the largest step sure to lower the cost of these data (the rule is rateAdvice's). */
export function stepAdvice(run: Run, safe: number, safeMean: number): StepAdvice | undefined {
  if (!(run.settings.learningRate > safe)) return undefined;
  const n = run.data.targets.length;
  const advice = rateAdvice(run.settings, n, safe, { kind: 'before-training', safeMean });
  return { text: stepAdviceText(advice, n, run.settings.reduction === 'sum'), offerMean: advice.mean };
}

/** The sentence said while Play cannot keep up, or while it runs as fast as possible (`fastest`, steps/s). */
export function paceText(pace: Pace | undefined, fastest: number | undefined, n: number): string {
  if (fastest !== undefined) return fastestPaceStatus(fastest, n);
  return pace ? paceStatus(pace.achieved, pace.requested, n) : '';
}

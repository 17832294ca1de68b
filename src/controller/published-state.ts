/**
 * The one read-only object the playground's views draw from, published by
 * the controller after every change: the run (data, weights, costs and
 * history of one moment), the grids computed for it, and the sentences that
 * explain what is going on. Views never reach into the controller.
 */
import type { GridSpec } from '../contract/engine';
import { safeLearningRate } from '../model/step-bound';
import type { PlotDomain } from '../plot/plot-domain';
import type { SurfaceStatus } from '../session/cost-surface-job';
import type { Run, TrainingState } from '../session/training-session';
import type { PlaygroundSettings } from '../settings/playground-settings';
import { LIMITS } from '../settings/settings';
import { formatCount } from '../text/format';
import { formatLimit } from '../text/number-text';
import type { Pace } from './play-clock';

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
  /** Where the data came from when the preset no longer describes them ('' when it does). */
  readonly customData: string;
  /** What Undo and Redo would do to the data, in words; undefined when there is nothing to do. */
  readonly undo: { readonly undo: string | undefined; readonly redo: string | undefined };
  /** The last thing done, said in words (for a live region). */
  readonly status: string;
  /** Why training stopped on its own, if it did. */
  readonly divergence: string;
  readonly stepAdvice: StepAdvice | undefined;
  readonly playing: boolean;
  /** Said while Play cannot keep the pace asked for ('' while it can). */
  readonly pace: string;
}

/** The largest safe η for a run's data and model, computed once per data set and model. */
export class SafeRateCache {
  private key = '';
  private rate = Number.POSITIVE_INFINITY;

  of(run: Run, reduction = run.settings.reduction): number {
    const key = `${run.dataVersion}|${run.settings.bias}|${reduction}`;
    if (key !== this.key) {
      this.key = key;
      this.rate = safeLearningRate(run.data, run.settings.bias, reduction);
    }
    return this.rate;
  }
}

/** A learning rate to two digits, small ones with an exponent (1.6e-6), never below the smallest η allowed. */
function rate(value: number): string {
  return formatLimit(Math.max(LIMITS.learningRate.min, Number(value.toPrecision(2))));
}

/** Advice when η is above the largest step sure to lower the cost of these data. */
export function stepAdvice(run: Run, safe: number, safeMean: number): StepAdvice | undefined {
  const eta = run.settings.learningRate;
  if (!(eta > safe)) return undefined;
  const n = formatCount(run.data.targets.length);
  const head = `η = ${eta} is above ${rate(safe)}, the largest step sure to lower the cost of these ${n} points`;
  if (run.settings.reduction === 'sum') {
    const offerMean = eta <= safeMean;
    return {
      text: `${head}: the summed gradient grows with N, so the first steps may overshoot and diverge. ${
        offerMean ? 'Use the mean cost (its gradient is N times smaller), or ' : 'Use '
      }η ≤ ${rate(safe)}.`,
      offerMean,
    };
  }
  return { text: `${head}; the cost may rise or oscillate. Try η ≤ ${rate(safe)}.`, offerMean: false };
}

/** The sentence said while Play cannot keep up. */
export function paceText(pace: Pace | undefined, n: number): string {
  if (!pace) return '';
  return (
    `Playing ${pace.achieved.toFixed(1)} steps/s, not the ${pace.requested} asked for: ` +
    `this engine cannot take steps that fast on ${formatCount(n)} points.`
  );
}

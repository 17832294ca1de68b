/**
 * The ROC curve of the run shown: the model's probability of every sample
 * (every k-th beyond ROC_SAMPLES, an estimate then, said so), sorted per
 * class and walked over every threshold. It costs a pass and a sort, so it
 * is computed once per run, and no more often than every ROC_INTERVAL_MS
 * while Play runs (the curve lags a few frames then, and catches up when
 * Play stops).
 */
import { type RocCurve, rocCurve, sampleProbabilities } from '../model/roc';
import type { Run } from '../session/training-session';

/** Samples the curve is computed from, at most: a few tens of milliseconds. */
export const ROC_SAMPLES = 200_000;
/** While playing, the curve is recomputed at most this often. */
export const ROC_INTERVAL_MS = 250;

export interface RocView {
  readonly curve: RocCurve;
  /** Samples the curve was computed from; fewer than n makes it an estimate. */
  readonly visited: number;
  readonly n: number;
}

export class RocCache {
  private run: Run | undefined;
  private view: RocView | undefined;
  private at = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The curve of `run`, or of a run a moment older while `playing`; undefined where none is defined. */
  of(run: Run, playing: boolean): RocView | undefined {
    if (run === this.run) return this.view;
    const sameData = this.run?.dataVersion === run.dataVersion;
    if (playing && sameData && this.now() - this.at < ROC_INTERVAL_MS) return this.view;
    this.run = run;
    this.at = this.now();
    const n = run.data.targets.length;
    const stride = Math.max(1, Math.ceil(n / ROC_SAMPLES));
    const { probabilities, targets } = sampleProbabilities(
      run.data,
      run.evaluation.params,
      run.settings.features,
      stride,
    );
    const curve = rocCurve(probabilities, targets);
    this.view = curve ? { curve, visited: targets.length, n } : undefined;
    return this.view;
  }
}

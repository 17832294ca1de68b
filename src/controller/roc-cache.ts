/**
 * The ROC curve of the run shown: the model's probability of every sample
 * (every k-th beyond ROC_SAMPLES, an estimate then, said so), sorted per
 * class and walked over every threshold. It costs a pass and a sort, so it
 * is computed when a RunThrottle says so (the curve lags a few frames while
 * Play runs, and catches up when it stops).
 */
import { type RocCurve, rocCurve, sampleProbabilities } from '../model/roc';
import type { Run } from '../session/training-session';
import { RunThrottle } from './run-throttle';

/**
 * Samples the curve is computed from, at most: about 10 ms of the main
 * thread after each run (an AUC near 0.9 from 50 000 samples has a standard
 * error of about 0.002; 200 000 cost 40 ms and more, a long task after every
 * edit of a large data set, with the ROC view shown or not).
 */
export const ROC_SAMPLES = 50_000;

export interface RocView {
  readonly curve: RocCurve;
  /** Samples the curve was computed from; fewer than n makes it an estimate. */
  readonly visited: number;
  readonly n: number;
}

export class RocCache {
  private view: RocView | undefined;
  private readonly throttle: RunThrottle;

  constructor(now?: () => number) {
    this.throttle = new RunThrottle(now);
  }

  /** The curve of `run`, or of a run a moment older while `playing`; undefined where none is defined. */
  of(run: Run, playing: boolean): RocView | undefined {
    if (!this.throttle.due(run, playing)) return this.view;
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

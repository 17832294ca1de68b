/**
 * How the model does on the test set it never trains on: the mean cost
 * (penalised as the training cost is), the accuracy at the threshold and
 * the ROC curve, and the same over the iterations for the loss chart. Measured on the CPU
 * from the run's weights when a RunThrottle says so; beyond TEST_SAMPLES
 * points from every k-th test point (an estimate, said so).
 */
import { correctCount, evaluate, modelOptions } from '../model/regression';
import { type RocCurve, rocCurve, sampleProbabilities } from '../model/roc';
import { subset } from '../model/split';
import type { Run } from '../session/training-session';
import { ROC_SAMPLES } from './roc-cache';
import { RunThrottle } from './run-throttle';

/** Test points measured, at most: the training curve's cap, for the same reason (the main thread's time). */
export const TEST_SAMPLES = ROC_SAMPLES;

export interface TestMeasures {
  /** The points held out. */
  readonly samples: number;
  /** The points measured: fewer than `samples` makes the measures estimates. */
  readonly visited: number;
  /** The mean cost on them, plus (λ/2)‖w‖². */
  readonly cost: number;
  readonly accuracy: number;
  /** The ROC curve on the test set (undefined when it holds one class only). */
  readonly roc: RocCurve | undefined;
  readonly iteration: number;
}

/** The test measures of a run (undefined without a test set), and their history since the run started. */
export class TestMeasureCache {
  private measures: TestMeasures | undefined;
  private trail: TestMeasures[] = [];
  private dataVersion: number | undefined;
  private readonly throttle: RunThrottle;

  constructor(now?: () => number) {
    this.throttle = new RunThrottle(now);
  }

  /** Every measure taken since the run last started from w(0) (or its data changed), oldest first. */
  get history(): readonly TestMeasures[] {
    return this.trail;
  }

  of(run: Run, playing: boolean): TestMeasures | undefined {
    if (!this.throttle.due(run, playing)) return this.measures;
    const test = run.test;
    // A new start or new data begin a new history.
    if (run.dataVersion !== this.dataVersion || run.iteration < (this.trail.at(-1)?.iteration ?? 0)) this.trail = [];
    this.dataVersion = run.dataVersion;
    if (!test) {
      this.measures = undefined;
      return undefined;
    }
    const n = test.targets.length;
    const stride = Math.max(1, Math.ceil(n / TEST_SAMPLES));
    const sample = stride === 1 ? test : subset(test, (i) => i % stride === 0, Math.ceil(n / stride));
    const { bias, features, l2, threshold } = run.settings;
    const e = evaluate(sample, run.evaluation.params, modelOptions('mean', bias, { features, l2, threshold }));
    const visited = sample.targets.length;
    const ranked = sampleProbabilities(sample, run.evaluation.params, features);
    this.measures = {
      samples: n,
      visited,
      cost: e.meanCost,
      accuracy: correctCount(e.confusion) / visited,
      roc: rocCurve(ranked.probabilities, ranked.targets),
      iteration: run.iteration,
    };
    if (this.trail.at(-1)?.iteration === run.iteration) this.trail = this.trail.slice(0, -1);
    this.trail = [...this.trail, this.measures];
    return this.measures;
  }
}

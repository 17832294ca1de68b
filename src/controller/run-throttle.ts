/**
 * When a measure beside the run (its ROC curve, its test-set cost) is taken
 * again: once for each run published, and while Play runs no more often
 * than every MEASURE_INTERVAL_MS on the same data, since each costs a pass
 * over the samples and Play publishes a run every frame.
 */
import type { Run } from '../session/training-session';

/** While Play runs, a measure beside the run is taken at most this often (four times a second). */
export const MEASURE_INTERVAL_MS = 250;

export class RunThrottle {
  private run: Run | undefined;
  private at = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Whether `run` is to be measured now; when it is, it counts as measured from now on. */
  due(run: Run, playing: boolean): boolean {
    if (run === this.run) return false;
    const sameData = this.run?.dataVersion === run.dataVersion;
    if (playing && sameData && this.now() - this.at < MEASURE_INTERVAL_MS) return false;
    this.run = run;
    this.at = this.now();
    return true;
  }
}

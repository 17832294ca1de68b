/**
 * Is training going wrong? Non-finite numbers, or a cost that has shot far
 * above where it was: then Play stops and the page says what to change.
 */

import { LIMITS, type TrainingSettings } from '../settings/settings';
import { formatCount } from '../text/format';
import { formatLimit } from '../text/number-text';
import type { HistoryEntry } from './history';
import { WEIGHT_LIMIT } from './run-limits';

/** Exploding: the cost is this many times above the lowest cost seen in the run. */
const BLOW_UP = 10;

/**
 * A learning rate to try: a tenth of η, or less where the safe step 2/L of
 * these data says so, never below the smallest η allowed.
 */
export function suggestedRate(eta: number, safe: number): number {
  return Math.max(LIMITS.learningRate.min, Number(Math.min(eta / 10, safe).toPrecision(2)));
}

function advice(settings: TrainingSettings, n: number, safe: number): string {
  const eta = settings.learningRate;
  const lower = `lower the learning rate (η = ${eta} now; try ${formatLimit(suggestedRate(eta, safe))})`;
  return settings.reduction === 'sum' && n > 100
    ? `${lower}, or switch the cost to "mean": a summed gradient over ${formatCount(n)} points makes each step ${formatCount(n)} times larger`
    : lower;
}

/** A sentence saying why training must stop, or undefined while all is well. */
export function divergence(
  history: readonly HistoryEntry[],
  settings: TrainingSettings,
  n: number,
  /** 2/L for these data (see src/model/step-bound.ts): no rate above it is sure to descend. */
  safe = Number.POSITIVE_INFINITY,
): string | undefined {
  const last = history.at(-1);
  if (!last) return undefined;
  const { w1, w2, b } = last.params;
  if (![w1, w2, b, last.loss].every(Number.isFinite)) {
    return `Training diverged at iteration ${last.iteration}: the numbers overflowed. Reset, then ${advice(settings, n, safe)}.`;
  }
  if (Math.max(Math.abs(w1), Math.abs(w2), Math.abs(b)) > WEIGHT_LIMIT) {
    return `Training diverged at iteration ${last.iteration}: the weights passed ${WEIGHT_LIMIT.toExponential(0)}. Reset, then ${advice(settings, n, safe)}.`;
  }
  // Costs over all the data only: a mini-batch's estimate is not a cost the run rose from, nor one it rose to.
  const measured = history.filter((e) => e.measuredOn === 'all');
  const latest = measured.at(-1);
  if (!latest) return undefined;
  let lowest = Number.POSITIVE_INFINITY;
  for (const e of measured) lowest = Math.min(lowest, e.loss);
  const first = measured[0]?.loss ?? latest.loss;
  if (latest.loss > BLOW_UP * lowest && latest.loss > first) {
    return (
      `Training is diverging: the cost rose from ${lowest.toPrecision(3)} to ${latest.loss.toPrecision(3)} ` +
      `by iteration ${latest.iteration}. Reset, then ${advice(settings, n, safe)}.`
    );
  }
  return undefined;
}

/**
 * Watches one run for divergence, comparing like with like: a cost measured
 * on other data (before points were added, say) is not a cost the run rose
 * from, so only the iterations since the data last changed count. Edits
 * re-measure the iteration they happen at, so that one counts too.
 */
export class DivergenceWatch {
  private dataVersion = Number.NaN;
  /** The first iteration measured on the current data. */
  private from = 0;
  /** Where the run stood at the last check: an edit after it re-measured that iteration. */
  private checked = 0;

  check(
    run: { readonly dataVersion: number; readonly iteration: number; readonly history: readonly HistoryEntry[] },
    settings: TrainingSettings,
    n: number,
    safe?: number,
  ): string | undefined {
    if (run.dataVersion !== this.dataVersion) {
      this.dataVersion = run.dataVersion;
      this.from = this.checked;
    }
    // A reset or new data start the history again from 0.
    if (run.iteration < this.from || (run.history[0]?.iteration ?? 0) > this.from)
      this.from = run.history[0]?.iteration ?? 0;
    this.checked = run.iteration;
    const since = run.history.filter((e) => e.iteration >= this.from);
    return divergence(since, settings, n, safe);
  }
}

/**
 * Is training going wrong? Non-finite numbers, or a cost that has shot far
 * above where it was: then Play stops and the page says what to change.
 * And what to change when η is too large, before any step or after a
 * divergence: the one rule (rateAdvice) for the rate to suggest and whether
 * the mean cost is advice too. The sentences are in src/text/messages.ts.
 */

import type { Reduction } from '../model/regression';
import { LIMITS, type TrainingSettings } from '../settings/settings';
import { divergenceText, type SaidRateAdvice } from '../text/messages';
import type { HistoryEntry } from './history';
import { WEIGHT_LIMIT } from './run-limits';

/** Exploding: the cost is this many times above the lowest cost seen in the run. */
const BLOW_UP = 10;
/** After a divergence, a summed cost over more points than this is said to make each step too large. */
const MANY_POINTS = 100;

/** When the advice is given. */
export type AdviceMoment =
  /** Before the first step, η above 2/L of these data; `safeMean` is 2/L under the mean cost. */
  | { readonly kind: 'before-training'; readonly safeMean: number }
  /** After the run diverged. */
  | { readonly kind: 'diverged' };

/** What to change: η now, the η to try, and whether switching the summed cost to the mean is advice too. */
export type RateAdvice = SaidRateAdvice;

/**
 * The one rule for what to suggest when η is too large for these n points,
 * `safe` being their 2/L (see src/model/step-bound.ts), which no rate above
 * is sure to descend with. The rate, to two digits and never below the
 * smallest η allowed: before any step, 2/L itself (η ≤ it); after a
 * divergence, a tenth of η, or less where 2/L says so. The mean cost, only
 * with the summed one: before any step, when η is within the mean's own 2/L;
 * after a divergence, for more than MANY_POINTS points (each summed step is
 * N times the mean's).
 */
export function rateAdvice(
  settings: { readonly learningRate: number; readonly reduction: Reduction },
  n: number,
  safe: number,
  moment: AdviceMoment,
): RateAdvice {
  const eta = settings.learningRate;
  const summed = settings.reduction === 'sum';
  const diverged = moment.kind === 'diverged';
  const target = diverged ? Math.min(eta / 10, safe) : safe;
  return {
    eta,
    rate: Math.max(LIMITS.learningRate.min, Number(target.toPrecision(2))),
    mean: summed && (diverged ? n > MANY_POINTS : eta <= moment.safeMean),
  };
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
  const advice = rateAdvice(settings, n, safe, { kind: 'diverged' });
  const values = [...last.params.w, last.params.b];
  if (![...values, last.loss].every(Number.isFinite)) {
    return divergenceText({ kind: 'overflow', iteration: last.iteration }, advice, n);
  }
  if (Math.max(...values.map(Math.abs)) > WEIGHT_LIMIT) {
    return divergenceText({ kind: 'weights', iteration: last.iteration, limit: WEIGHT_LIMIT }, advice, n);
  }
  // Costs over all the data only: a mini-batch's estimate is not a cost the run rose from, nor one it rose to.
  const measured = history.filter((e) => e.measuredOn === 'all');
  const earliest = measured[0];
  if (earliest === undefined) return undefined;
  const latest = measured.at(-1) ?? earliest;
  let lowest = Number.POSITIVE_INFINITY;
  for (const e of measured) lowest = Math.min(lowest, e.loss);
  if (latest.loss > BLOW_UP * lowest && latest.loss > earliest.loss) {
    return divergenceText({ kind: 'cost', iteration: latest.iteration, lowest, latest: latest.loss }, advice, n);
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
    // A reset (or a model loaded at an earlier iteration) starts the history again: all of it counts.
    if (run.iteration < this.from) this.from = 0;
    this.checked = run.iteration;
    const since = run.history.filter((e) => e.iteration >= this.from);
    return divergence(since, settings, n, safe);
  }
}

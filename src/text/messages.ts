/**
 * What the page says in its status line after each thing the controller
 * does, in one place: the words users see, apart from the logic that
 * decides which to say.
 */
import { formatCount } from './format';
import { formatLimit } from './number-text';

/**
 * A change of the data as its label needs it (the data layer's DataStep has
 * this shape): a replacement says what it was; a click added or removed a point.
 */
export type LabelledStep =
  | { readonly kind: 'replace'; readonly what: string }
  | { readonly kind: 'edit'; readonly edit: { readonly kind: 'add' | 'remove'; readonly point: readonly number[] } };

/** A click's edit as its sentence needs it (the session's PointEdit has this shape). */
export type SaidEdit = { readonly action: 'add'; readonly t: 0 | 1 } | { readonly action: 'remove' };

export const SAID = {
  restarted: 'The model or its start changed: training starts again from w(0).',
  appliedNext: 'Applied from the next step on; the weights stay.',
  reset: 'Back to w(0).',
  playOff: 'Play stays off after a divergence: press Reset (R), or change η and then Reset.',
  playing: 'Playing: Space or Pause stops it.',
} as const;

/** After step(n) took all n steps (n ≥ 1), ending at `iteration`. */
export function steppedStatus(taken: number, iteration: number): string {
  const steps = taken === 1 ? 'One step' : `${formatCount(taken)} steps`;
  return `${steps} taken: iteration ${formatCount(iteration)}.`;
}

/** After a pause of Play. */
export function pausedStatus(iteration: number): string {
  return `Paused at iteration ${formatCount(iteration)}.`;
}

/** What a step did, in the words of the Undo and Redo buttons ("Undo: add a point"). */
export function stepLabel(step: LabelledStep): string {
  if (step.kind === 'replace') return step.what;
  return step.edit.kind === 'add' ? `add a point of class ${step.edit.point[2]}` : 'remove a point';
}

/** After an undo or a redo (or an attempt with nothing to take back or make again). */
export function historyStatus(step: LabelledStep | undefined, verb: 'undo' | 'redo', n: number): string {
  if (!step) return `There is nothing to ${verb}.`;
  return `${verb === 'undo' ? 'Undone' : 'Redone'}: ${stepLabel(step)}. N = ${formatCount(n)}.`;
}

/** After a click's edit was made; n is the new N. */
export function editStatus(edit: SaidEdit, n: number): string {
  const what = edit.action === 'add' ? `Added a point of class ${edit.t}.` : 'Removed the nearest point.';
  return `${what} N = ${formatCount(n)}; training continues from the current weights.`;
}

/** After a step(n) that something stopped before its end. */
export function stoppedStatus(taken: number, asked: number, why: string): string {
  return `Stopped after ${formatCount(taken)} of the ${formatCount(asked)} steps asked for: ${why}.`;
}

/** Said (the pace line) while Play keeps `achieved` steps a second of the `requested` pace on n points. */
export function paceStatus(achieved: number, requested: number, n: number): string {
  return (
    `Playing ${achieved.toFixed(1)} steps/s, not the ${requested} asked for: ` +
    `this engine cannot take steps that fast on ${formatCount(n)} points.`
  );
}

// What to change when η is too large. src/session/divergence.ts (rateAdvice) decides the rate and whether
// the mean cost is advice too; these say it.

/** What the advice below says: η now, the η to try, and whether to switch the summed cost to the mean. */
export interface SaidRateAdvice {
  readonly eta: number;
  /** Rounded already (two digits, never below the smallest η). */
  readonly rate: number;
  readonly mean: boolean;
}

/**
 * Advice before the first step, while η is above `advice.rate`, the largest
 * step sure to lower the cost of these n points; `summed` for the summed cost.
 */
export function stepAdviceText(advice: SaidRateAdvice, n: number, summed: boolean): string {
  const limit = formatLimit(advice.rate);
  const head = `η = ${advice.eta} is above ${limit}, the largest step sure to lower the cost of these ${formatCount(n)} points`;
  if (!summed) return `${head}; the cost may rise or oscillate. Try η ≤ ${limit}.`;
  return `${head}: the summed gradient grows with N, so the first steps may overshoot and diverge. ${
    advice.mean ? 'Use the mean cost (its gradient is N times smaller), or ' : 'Use '
  }η ≤ ${limit}.`;
}

/** Why a run stopped on its own (src/session/divergence.ts tells which). */
export type DivergenceCause =
  | { readonly kind: 'overflow'; readonly iteration: number }
  | { readonly kind: 'weights'; readonly iteration: number; readonly limit: number }
  | { readonly kind: 'cost'; readonly iteration: number; readonly lowest: number; readonly latest: number };

/** What to do after a divergence: a lower η, and the mean cost when it is advice too (n points). */
function afterDivergence(advice: SaidRateAdvice, n: number): string {
  const lower = `lower the learning rate (η = ${advice.eta} now; try ${formatLimit(advice.rate)})`;
  return advice.mean
    ? `${lower}, or switch the cost to "mean": a summed gradient over ${formatCount(n)} points makes each step ${formatCount(n)} times larger`
    : lower;
}

/** Said when training stopped on its own: what went wrong, then what to change. */
export function divergenceText(cause: DivergenceCause, advice: SaidRateAdvice, n: number): string {
  const then = `Reset, then ${afterDivergence(advice, n)}.`;
  switch (cause.kind) {
    case 'overflow':
      return `Training diverged at iteration ${cause.iteration}: the numbers overflowed. ${then}`;
    case 'weights':
      return `Training diverged at iteration ${cause.iteration}: the weights passed ${cause.limit.toExponential(0)}. ${then}`;
    case 'cost':
      return (
        `Training is diverging: the cost rose from ${cause.lowest.toPrecision(3)} to ${cause.latest.toPrecision(3)} ` +
        `by iteration ${cause.iteration}. ${then}`
      );
  }
}

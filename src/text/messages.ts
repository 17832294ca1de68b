/**
 * What the page says in its status line after each thing the controller
 * does, in one place: the words users see, apart from the logic that
 * decides which to say.
 */
import { formatCount } from './format';

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

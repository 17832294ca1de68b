/**
 * What the page says in its status line after each thing the controller
 * does, in one place: the words users see, apart from the logic that
 * decides which to say.
 */
import { formatCount } from '../view/format';
import { type DataStep, stepLabel } from './data-history';
import type { PointEdit } from './training-session';

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

/** After an undo or a redo (or an attempt with nothing to take back or make again). */
export function historyStatus(step: DataStep | undefined, verb: 'undo' | 'redo', n: number): string {
  if (!step) return `There is nothing to ${verb}.`;
  return `${verb === 'undo' ? 'Undone' : 'Redone'}: ${stepLabel(step)}. N = ${formatCount(n)}.`;
}

/** After a click's edit was made; n is the new N. */
export function editStatus(edit: PointEdit, n: number): string {
  const what = edit.action === 'add' ? `Added a point of class ${edit.t}.` : 'Removed the nearest point.';
  return `${what} N = ${formatCount(n)}; training continues from the current weights.`;
}

/** After a step(n) that something stopped before its end. */
export function stoppedStatus(taken: number, asked: number, why: string): string {
  return `Stopped after ${formatCount(taken)} of the ${formatCount(asked)} steps asked for: ${why}.`;
}

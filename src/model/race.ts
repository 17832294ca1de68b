/**
 * A race of optimisers: up to six racers, each a rule and its η (and β for
 * momentum and Nesterov), all from the same w(0), on the same data,
 * features, λ, reduction and mini-batch sequence, so that what differs
 * between their paths is the rule alone. Racer 0 is the model the page
 * shows: its rule and η are the training settings' own.
 */
import type { Optimizer } from './optimizers';

/** The most racers a race holds: six paths stay apart on one surface, in six colours told apart. */
export const MAX_RACERS = 6;

export interface Racer {
  readonly optimizer: Optimizer;
  readonly learningRate: number;
  /** β of momentum and Nesterov; the training settings' momentum when absent. */
  readonly momentum?: number;
}

/** Two racers that step alike. */
export function sameRacer(a: Racer, b: Racer): boolean {
  return a.optimizer === b.optimizer && a.learningRate === b.learningRate && a.momentum === b.momentum;
}

/** Whether two races differ in more than racer 0, the model (whose rule and η are the training settings'). */
export function rivalsDiffer(a: readonly Racer[], b: readonly Racer[]): boolean {
  if (a.length !== b.length) return true;
  return a.some((racer, k) => k > 0 && !sameRacer(racer, b[k]!));
}

/** How near the best cost a racer must come to have reached it: a thousandth of it (costs are positive). */
export const REACHED = 1e-3;

/** A racer's costs over its iterations. */
export type CostTrail = readonly { readonly iteration: number; readonly loss: number }[];

/**
 * For each racer, the first iteration at which its cost came within REACHED (relative) of the lowest
 * cost any racer reached; undefined where it never did (and for every racer while no cost is finite).
 */
export function iterationsReaching(trails: readonly CostTrail[]): (number | undefined)[] {
  const costs = trails.flatMap((trail) => trail.map((e) => e.loss)).filter(Number.isFinite);
  if (costs.length === 0) return trails.map(() => undefined);
  const best = Math.min(...costs);
  const within = best + REACHED * Math.abs(best);
  return trails.map((trail) => trail.find((e) => e.loss <= within)?.iteration);
}

/**
 * The GPU engine's readbacks as the contract's results: a train call's
 * records as a TrainResult's path (or kept steps), losses and accuracies,
 * and a snapshot record as a Snapshot. The GPU sums in f32 and counts; the
 * penalty, the reduction and the fractions are applied here, in double
 * precision, as the CPU engine applies them.
 */
import { type Keeping, keptStep, type Snapshot, type TrainResult } from '../contract/engine';
import type { TrainReadback } from '../gpu/train-kernel';
import type { SnapshotRecord } from '../gpu/train-records';
import { SingularHessianError } from '../model/optimizers';
import { type ModelForm, type Params, penalty, reducedCostOf } from '../model/regression';
import { batchCount } from '../model/shuffle';

/** What the conversions need of the engine: the data's size and class-1 count, the penalty and the batches. */
export interface ReadbackContext {
  readonly n: number;
  readonly positives: number;
  readonly l2: ModelForm['l2'];
  readonly batchSize: number;
}

/**
 * One racer's readback as a result: its path, losses and accuracies from `from` (or, with a keeping, its
 * kept steps, measured where they ended), its final snapshot.
 */
export function trainResultOf(
  r: TrainReadback,
  from: Params,
  firstStep: number,
  keep: Keeping | undefined,
  context: ReadbackContext,
): Omit<TrainResult, 'final' | 'race' | 'probabilities'> & { readonly final?: Snapshot } {
  const { l2, n, batchSize } = context;
  const share = (correct: number, step: number) => correct / batchCount(step, n, batchSize);
  const pivot = r.state.refusedPivot;
  const common = {
    taken: r.taken,
    optimizer: r.state.optimizer,
    ...(pivot === undefined ? {} : { refused: new SingularHessianError(pivot).message }),
    ...(r.state.stopped === 'limit' ? { limited: true as const } : {}),
    ...(r.snapshot ? { final: snapshotOf(r.snapshot, context) } : {}),
  };
  if (keep) {
    return {
      ...common,
      path: [],
      losses: [],
      accuracies: [],
      // Record m is where the m-th kept step ended, measured where the step after it started.
      kept: r.steps.map((record, m) => {
        const step = keptStep(keep, m) + 1;
        const params = { w: record.w, b: record.b };
        return {
          step,
          params,
          loss: record.cost + penalty(params, l2),
          accuracy: share(record.correct, firstStep + step),
        };
      }),
    };
  }
  const path = r.steps.map(({ w, b }) => ({ w, b }));
  return {
    ...common,
    path,
    // Each at the weights its step started from.
    losses: r.steps.map((step, j) => step.cost + penalty(j === 0 ? from : path[j - 1]!, l2)),
    accuracies: r.steps.map((step, j) => share(step.correct, firstStep + j)),
  };
}

/** A snapshot record as the contract's Snapshot: the penalty and the reductions added, the confusion completed. */
export function snapshotOf(s: SnapshotRecord, context: ReadbackContext): Snapshot {
  const { n, positives } = context;
  const params = { w: s.w, b: s.b };
  const extra = penalty(params, context.l2);
  return {
    params,
    gradient: s.gradient,
    sumCost: reducedCostOf(s.sumCost, n, extra, 'sum'),
    meanCost: reducedCostOf(s.sumCost, n, extra, 'mean'),
    confusion: {
      truePositive: s.truePositive,
      falseNegative: positives - s.truePositive,
      trueNegative: s.trueNegative,
      falsePositive: n - positives - s.trueNegative,
    },
  };
}

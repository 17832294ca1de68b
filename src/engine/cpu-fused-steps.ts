/**
 * The CPU engine's steps on small data (its main thread's passes, by the
 * model's own loop) with a first-order rule over the full batch: the model's arithmetic, step for
 * step, on flat vectors that live for the whole call. On the tutorial's 40
 * points a step is about a microsecond of arithmetic, and the objects the
 * model's functions return for one step (sums, an evaluation, a gradient,
 * new parameters and state) cost as much again in allocation and garbage
 * collection. The results are the model's to the last bit
 * (cpu-fused-steps.test.ts holds them to `advance`'s general loop).
 */
import {
  type EngineOptions,
  type Keeping,
  type KeptStep,
  keepsStep,
  type LimitVerdict,
  type RunLimits,
  verdictOfLargest,
} from '../contract/engine';
import type { Dataset } from '../model/dataset';
import { DEFAULT_OPTIMIZER, firstOrderStepInPlace, type OptimizerState } from '../model/optimizers';
import {
  checkWidth,
  flatCorrectCount,
  flatParams,
  flatSumsLength,
  type Params,
  paramsOfFlat,
  penaltyOfWeights,
  reducedCostOf,
  reduceGradientInto,
  reductionScale,
  sumSamplesInto,
} from '../model/regression';

/** Where a run of steps went: every step (`path`, `losses`, `accuracies`), or the kept ones, and why it stopped short. */
export interface Advance {
  readonly taken: number;
  readonly path: Params[];
  readonly losses: number[];
  readonly accuracies: number[];
  readonly kept: KeptStep[] | undefined;
  readonly params: Params;
  readonly optimizer: OptimizerState;
  readonly refused: string | undefined;
  readonly limited: boolean;
}

/** What a run of steps is to keep and where it stops (TrainExtras.keep, TrainExtras.limits). */
export interface StepStops {
  readonly keep: Keeping | undefined;
  readonly limits: RunLimits | undefined;
}

/**
 * `steps` full-batch steps of `options`' first-order rule over all of `data`
 * from `params` with the rule's state `state`: what the engine's `advance`
 * returns for them, without an object a step beyond those it returns.
 */
export function fusedSteps(
  data: Dataset,
  params: Params,
  state: OptimizerState,
  options: EngineOptions,
  steps: number,
  stops: StepStops,
): Advance {
  checkWidth(params, options.features);
  const { keep, limits } = stops;
  const d = params.w.length;
  const n = data.targets.length;
  const trained = d + (options.bias ? 1 : 0);
  const rule = options.optimizer ?? DEFAULT_OPTIMIZER;
  const { l2, reduction, learningRate } = options;
  const scale = reductionScale(reduction, n);
  // Where the run is (p, and the rule's state), and the step's candidate (q…): a step past the leap is not taken.
  let p: Float64Array = flatParams(params);
  let first: Float64Array = flatParams(state.first);
  let second: Float64Array = flatParams(state.second);
  let q: Float64Array = new Float64Array(d + 1);
  let nextFirst: Float64Array = new Float64Array(d + 1);
  let nextSecond: Float64Array = new Float64Array(d + 1);
  const sums = new Float64Array(flatSumsLength(d));
  const gradient = new Float64Array(d + 1);
  const path: Params[] = [];
  const losses: number[] = [];
  const accuracies: number[] = [];
  const kept: KeptStep[] = [];
  let taken = 0;
  let limited = false;
  // The run's end is the path's last entry itself, as the general loop returns it.
  let lastOnPath: Params | undefined;
  for (let s = 0; s < steps; s++) {
    sumSamplesInto(data, p, p[d]!, options, sums, n);
    const loss = reducedCostOf(sums[0]!, n, penaltyOfWeights(p, d, l2), reduction);
    const accuracy = flatCorrectCount(sums, d) / n;
    reduceGradientInto(sums, 1, p, scale, l2, gradient);
    q.set(p);
    nextFirst.set(first);
    nextSecond.set(second);
    firstOrderStepInPlace(rule, learningRate, state.steps + 1 + s, trained, q, gradient, nextFirst, nextSecond);
    let verdict: LimitVerdict = 'within';
    if (limits) {
      let largest = 0;
      for (let j = 0; j <= d; j++) largest = Math.max(largest, Math.abs(q[j]!));
      verdict = verdictOfLargest(largest, limits);
    }
    if (verdict === 'leap') {
      limited = true;
      break;
    }
    // Step s is taken: where the step before it ended is measured now, where this one starts.
    if (keep) {
      if (s > 0 && keepsStep(keep, s - 1)) kept.push({ step: s, params: paramsOfFlat(p, d), loss, accuracy });
    } else {
      losses.push(loss);
      accuracies.push(accuracy);
      lastOnPath = paramsOfFlat(q, d);
      path.push(lastOnPath);
    }
    // The candidate becomes the run; the old vectors take the next candidate.
    const was = p;
    p = q;
    q = was;
    const wasFirst = first;
    first = nextFirst;
    nextFirst = wasFirst;
    const wasSecond = second;
    second = nextSecond;
    nextSecond = wasSecond;
    taken++;
    if (verdict === 'past') {
      limited = true;
      break;
    }
  }
  const moved = taken > 0;
  return {
    taken,
    path,
    losses,
    accuracies,
    kept: keep ? kept : undefined,
    // Nothing taken: the very objects given, which the engine's kept evaluations are keyed by.
    params: moved ? (lastOnPath ?? paramsOfFlat(p, d)) : params,
    optimizer: moved
      ? { steps: state.steps + taken, first: paramsOfFlat(first, d), second: paramsOfFlat(second, d) }
      : state,
    refused: undefined,
    limited,
  };
}

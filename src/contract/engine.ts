/**
 * The contract every compute engine meets: the CpuEngine (the reference) and
 * the GpuEngine (WGSL kernels). The training session talks only to this.
 */
import type { Dataset } from '../model/dataset';
import type { SampleChange } from '../model/edit';
import { DEFAULT_OPTIMIZER, type OptimizerSettings, type OptimizerState } from '../model/optimizers';
import { MAX_RACERS, type Racer } from '../model/race';
import { type Confusion, type Params, type TrainingOptions, TUTORIAL_FORM } from '../model/regression';
import { TUTORIAL_SETTINGS } from '../model/tutorial-reference';

export type EngineKind = 'gpu' | 'cpu';

export interface EngineOptions extends TrainingOptions {
  /** The rule each step follows (src/model/optimizers.ts): gradient descent, the tutorial's, when absent. */
  readonly optimizer?: OptimizerSettings;
  /** Samples per gradient step; 0 means the full batch (the tutorial's). */
  readonly batchSize: number;
}

/**
 * What an engine computes with until its first setOptions: the tutorial's
 * experiment, as the playground's defaults are (see TUTORIAL_SETTINGS for
 * why they are written down there and not in src/settings).
 */
export const INITIAL_OPTIONS: EngineOptions = {
  ...TUTORIAL_FORM,
  learningRate: TUTORIAL_SETTINGS.learningRate,
  bias: TUTORIAL_SETTINGS.bias,
  reduction: TUTORIAL_SETTINGS.reduction,
  batchSize: TUTORIAL_SETTINGS.batchSize,
};

/** A square grid over a rectangle; values are sampled at both ends of each axis. */
export interface GridSpec {
  /** [min, max] along the horizontal axis (x1, or w1 for the cost surface). */
  readonly x: readonly [number, number];
  /** [min, max] along the vertical axis (x2, or w2). */
  readonly y: readonly [number, number];
  /** Points per axis, at least 2. */
  readonly size: number;
}

/** The coordinate of grid index i (0 … size − 1) along [min, max]. */
export function gridCoordinate(range: readonly [number, number], size: number, i: number): number {
  return range[0] + ((range[1] - range[0]) * i) / (size - 1);
}

/**
 * Which samples a cost surface is computed from: one interleaved slice of
 * them (first, first + stride, …), its sum scaled up to all N. A slice is an
 * estimate to show at once; the slices 0 … stride − 1 together are the exact
 * surface, in pieces short enough to run between training steps.
 */
export interface SurfacePart {
  /** The first sample visited (default 0). */
  readonly first?: number;
  /** Every stride-th sample from `first` (default 1: all of them). */
  readonly stride?: number;
  /**
   * The parameters the slice goes through: every weight but the two on the
   * axes, and b, are held at these values. The current parameters when absent.
   */
  readonly at?: Params;
  /** Which two weights vary along x and y (indices into w); [0, 1] when absent. */
  readonly axes?: SurfaceAxes;
}

/** Indices of the two weights a cost surface varies, along x then y. */
export type SurfaceAxes = readonly [number, number];

/** The tutorial's surface: ξ(w1, w2). */
export const DEFAULT_AXES: SurfaceAxes = [0, 1];

/** Refuses axes that are not two different weights of a model with `width` weights. */
export function checkAxes(axes: SurfaceAxes, width: number): void {
  const [i, j] = axes;
  const valid = (k: number) => Number.isInteger(k) && k >= 0 && k < width;
  if (!valid(i) || !valid(j) || i === j) {
    throw new RangeError(`a cost surface varies two different weights of the ${width}, got indices ${i} and ${j}`);
  }
}

/** The parameters at one point of a surface's grid: `at` with weights axes[0] and axes[1] set to u and v. */
export function slicePoint(at: Params, axes: SurfaceAxes, u: number, v: number): Params {
  const w = at.w.slice();
  w[axes[0]] = u;
  w[axes[1]] = v;
  return { w, b: at.b };
}

/** The samples a part visits, checked: how many, from which, how far apart. */
export function surfaceSamples(n: number, part: SurfacePart): { first: number; stride: number; count: number } {
  const first = part.first ?? 0;
  const stride = part.stride ?? 1;
  if (!Number.isInteger(stride) || stride < 1) throw new RangeError(`stride must be a whole number ≥ 1, got ${stride}`);
  if (!Number.isInteger(first) || first < 0 || (first >= n && n > 0)) {
    throw new RangeError(`first must be a sample index below ${n}, got ${first}`);
  }
  return { first, stride, count: Math.ceil((n - first) / stride) };
}

/** The model measured on the whole data set at one set of parameters. */
export interface Snapshot {
  readonly params: Params;
  readonly sumCost: number;
  readonly meanCost: number;
  readonly confusion: Confusion;
  /** ∂cost/∂(w, b) under the chosen reduction, the penalty's included: the direction the next full-batch step goes against. */
  readonly gradient: Params;
}

/**
 * The most steps one `train` call takes. Longer runs are split into calls by
 * the training session, so what one call holds stays small whatever the run:
 * the GPU's per-step history buffer (16 bytes a step, far below any binding
 * limit), one submit's work (the GPU watchdog and a reset or pause wait for
 * no more), the readback and the arrays of a TrainResult.
 */
export const MAX_TRAIN_STEPS = 4096;

/** Refuses a step count an engine cannot take in one call, naming the limit. */
export function checkTrainSteps(steps: number): void {
  if (!Number.isInteger(steps) || steps < 0 || steps > MAX_TRAIN_STEPS) {
    throw new RangeError(
      `train(steps) takes a whole number of steps from 0 to ${MAX_TRAIN_STEPS} per call, got ${steps}: split longer runs`,
    );
  }
}

/**
 * What a caller keeps of a call's steps (TrainExtras.keep): where every
 * stride-th step ended, as a thinned history keeps them (src/session/history.ts),
 * so that an engine writes, reads back and returns no more than that.
 */
export interface Keeping {
  /** Step j (0-based in the call) is kept when (j + phase) mod stride = 0. */
  readonly stride: number;
  /** 0 ≤ phase < stride: where the caller's stride falls in this call. */
  readonly phase: number;
}

/** Whether step j (0-based in the call) is kept. */
export function keepsStep(keep: Keeping, j: number): boolean {
  return (j + keep.phase) % keep.stride === 0;
}

/** How many of a call's first `steps` steps a keeping keeps. */
export function keptCount(keep: Keeping, steps: number): number {
  const first = keptStep(keep, 0);
  return steps > first ? Math.floor((steps - 1 - first) / keep.stride) + 1 : 0;
}

/** The m-th step (0-based) a keeping keeps. */
export function keptStep(keep: Keeping, m: number): number {
  // The kept steps are j ≡ −phase (mod stride): the first is (stride − phase) mod stride.
  return ((keep.stride - keep.phase) % keep.stride) + m * keep.stride;
}

/** The keeping of a history that keeps iterations `origin`, origin + stride, … in a call from iteration `first`. */
export function keepingFrom(origin: number, stride: number, first: number): Keeping {
  // Step j ends at iteration first + j + 1.
  const phase = (((first + 1 - origin) % stride) + stride) % stride;
  return { stride, phase };
}

/**
 * Where a run stops by itself (TrainExtras.limits): the step that takes a
 * parameter past `weight` is its last; one that would take a parameter past
 * `leap`, or to no number at all, is not taken.
 */
export interface RunLimits {
  readonly weight: number;
  readonly leap: number;
}

/** Where parameters stand against a run's limits. */
export type LimitVerdict = 'within' | 'past' | 'leap';

export function limitVerdict(p: Params, limits: RunLimits): LimitVerdict {
  // A loop, not a spread: an engine asks this of every step it takes. Math.max keeps a NaN, which no limit holds.
  let largest = Math.abs(p.b);
  for (const w of p.w) largest = Math.max(largest, Math.abs(w));
  return verdictOfLargest(largest, limits);
}

/** limitVerdict from the largest magnitude among the parameters (NaN where one is NaN). */
export function verdictOfLargest(largest: number, limits: RunLimits): LimitVerdict {
  if (!(largest <= limits.leap)) return 'leap';
  return largest > limits.weight ? 'past' : 'within';
}

/** Where a run stood at one step inside a call, measured there: what a thinned history keeps. */
export interface KeptStep {
  /** Steps taken in the call to get here, 1 … taken − 1 (the end of the call is `final`). */
  readonly step: number;
  readonly params: Params;
  /** The cost under the chosen reduction, on the next step's batch (scaled to all N) with mini-batches. */
  readonly loss: number;
  /** The fraction classified right, over the same samples. */
  readonly accuracy: number;
}

export interface TrainResult {
  /** Steps taken: those asked for, or fewer when a step was refused or a limit reached. */
  readonly taken: number;
  /**
   * Parameters after each step, in order: path[k − 1] is where training
   * stopped. Empty when the call kept a thinned history (TrainExtras.keep):
   * `kept` holds it then.
   */
  readonly path: Params[];
  /**
   * The cost each step started from, under the chosen reduction, so that
   * losses[0] is the cost before this call. With mini-batches it is the
   * batch's cost scaled to the whole data set: an estimate.
   */
  readonly losses: number[];
  /**
   * The fraction classified right where each step started, like `losses`:
   * over the whole data set for the full batch, over the batch otherwise.
   */
  readonly accuracies: number[];
  /** With TrainExtras.keep: the kept steps inside the call, in order (`path`, `losses` and `accuracies` are empty). */
  readonly kept?: readonly KeptStep[];
  /** With TrainExtras.limits: the run reached one, and `final` is where it stopped. */
  readonly limited?: true;
  /** The whole data set evaluated at the final parameters. */
  readonly final: Snapshot;
  /** P(t = 1 | x) at the final parameters, when asked for with the call. */
  readonly probabilities?: Float32Array;
  /** The optimiser's state after the last step taken (where an engine keeps one). */
  readonly optimizer?: OptimizerState;
  /** Why the steps stopped short of those asked for (a singular Hessian): `path` holds the steps taken. */
  readonly refused?: string;
  /** What each racer beside the model did (TrainExtras.race), in their order. */
  readonly race?: readonly RacerResult[];
}

/** One racer's steps: what a TrainResult says of the model, for a racer beside it. */
export type RacerResult = Pick<
  TrainResult,
  'taken' | 'path' | 'losses' | 'accuracies' | 'kept' | 'limited' | 'final' | 'optimizer' | 'refused'
>;

/**
 * A racer stepping beside the engine's model (src/model/race.ts): where it
 * stands, its optimiser's state there, and its rule and η. It shares the
 * model's data, features, λ, reduction, bias, threshold, Adam's constants
 * and mini-batch schedule (the step counter since the model's setParams).
 */
export interface RaceEntry {
  readonly params: Params;
  readonly optimizer?: OptimizerState;
  readonly racer: Racer;
  /** What is kept of its steps, as TrainExtras.keep for the model. */
  readonly keep?: Keeping;
}

export interface TrainExtras {
  /**
   * Also evaluate P(t = 1 | x) on this grid at the final parameters, in the
   * same submit and readback as the training (one wait per animation frame).
   */
  readonly probabilityGrid?: GridSpec;
  /** Racers stepped beside the model, the same steps in the same submit (at most MAX_RACERS − 1). */
  readonly race?: readonly RaceEntry[];
  /**
   * Keep only these steps of the model, measured where they ended (TrainResult.kept), instead of every
   * step's path, loss and accuracy: a long run's history, thinned where it is computed.
   */
  readonly keep?: Keeping;
  /** Stop the model and each racer at these limits (RunLimits): one may stop while the others go on. */
  readonly limits?: RunLimits;
}

/** Refuses a keeping that keeps no step, or names a phase outside its stride. */
export function checkKeeping(keep: Keeping | undefined): void {
  if (keep === undefined) return;
  const { stride, phase } = keep;
  if (!Number.isInteger(stride) || stride < 1 || !Number.isInteger(phase) || phase < 0 || phase >= stride) {
    throw new RangeError(
      `a keeping needs a whole stride ≥ 1 and a phase from 0 to stride − 1, got ${stride} and ${phase}`,
    );
  }
}

/** A racer's rule in full: its momentum β is the model's where it names none. */
export function racerSettings(racer: Racer, options: EngineOptions): OptimizerSettings {
  const shared = options.optimizer ?? DEFAULT_OPTIMIZER;
  return { ...shared, optimizer: racer.optimizer, momentum: racer.momentum ?? shared.momentum };
}

/** Refuses a race an engine cannot run beside its model. */
export function checkRace(race: readonly RaceEntry[] | undefined): void {
  if (race && race.length > MAX_RACERS - 1) {
    throw new RangeError(
      `a race runs at most ${MAX_RACERS} racers: the model and ${MAX_RACERS - 1} beside it, got ${race.length + 1}`,
    );
  }
}

export interface Engine {
  readonly kind: EngineKind;
  /** Replaces the samples; keeps parameters and options. Throws, keeping the old data, if it cannot hold them. */
  setData(data: Dataset): Promise<void>;
  /**
   * Data of about n samples are on their way (being drawn or read): the
   * engine may begin, in the background, what they will need (the GPU's
   * kernels for large data compile while the points are drawn). A hint: it
   * changes no result, and an engine may ignore it.
   */
  expectData?(n: number): void;
  /**
   * Replaces the data with an edited copy of the current ones that differs by
   * `change`; parameters, options and the step counter stay.
   */
  applyEdit(data: Dataset, change: SampleChange): Promise<void>;
  /**
   * Sets the parameters and restarts the mini-batch schedule; the
   * optimiser's state is `optimizer`, or zero (as at w(0)) when absent.
   */
  setParams(params: Params, optimizer?: OptimizerState): void;
  setOptions(options: EngineOptions): void;
  /** Runs `steps` (at most MAX_TRAIN_STEPS) steps of the optimiser from the current parameters. */
  train(steps: number, extras?: TrainExtras): Promise<TrainResult>;
  /** The whole data set evaluated at the current parameters. */
  snapshot(): Promise<Snapshot>;
  /**
   * The cost (penalty included) on a grid of two weights, the others and b
   * held at the current parameters (or `part.at`), row-major with y outer,
   * under the chosen reduction: from every sample, or estimated from the
   * slice of samples `part` names.
   */
  costSurface(grid: GridSpec, part?: SurfacePart): Promise<Float32Array>;
  /**
   * P(t = 1 | x) = σ(φ(x)·w + b) at the current parameters (or at `at`: a racer beside the model) on a
   * grid of inputs, row-major with y outer.
   */
  probabilityGrid(grid: GridSpec, at?: Params): Promise<Float32Array>;
  /** Frees everything the engine holds; it must not be used afterwards. */
  destroy(): void;
}

/**
 * The reference engine: the model in src/model in double precision. It is
 * what the page falls back to without WebGPU, and what every GPU result is
 * tested against. A full pass over large data is split across workers
 * (sum-pool.ts, cpu-threads.ts); everything else runs on the main thread.
 * A pass is never run twice at the same parameters: the snapshot a train
 * call ends with is the next call's first gradient.
 */

import {
  checkAxes,
  checkKeeping,
  checkRace,
  checkTrainSteps,
  DEFAULT_AXES,
  type Engine,
  type EngineOptions,
  type GridSpec,
  gridCoordinate,
  INITIAL_OPTIONS,
  type KeptStep,
  keepsStep,
  limitVerdict,
  racerSettings,
  type Snapshot,
  type SurfacePart,
  slicePoint,
  surfaceSamples,
  type TrainExtras,
  type TrainResult,
} from '../contract/engine';
import type { Dataset } from '../model/dataset';
import { hessian } from '../model/hessian';
import { logistic } from '../model/logistic';
import { batchGradient, batchHessian } from '../model/minibatch';
import {
  DEFAULT_OPTIMIZER,
  firstOrderStep,
  initialOptimizerState,
  newtonStep,
  type OptimizerState,
  type OptimizerStep,
  SingularHessianError,
} from '../model/optimizers';
import {
  checkWidth,
  correctCount,
  type Evaluation,
  estimateScale,
  evaluationOf,
  logit,
  type Params,
  penalty,
  reducedCost,
  sumSamples,
} from '../model/regression';
import { batchSlot, epochKey, isMiniBatch, SHUFFLE_SEED, shuffleDomain } from '../model/shuffle';
import { type Advance, fusedSteps, type StepStops } from './cpu-fused-steps';
import { checkThreads, type ThreadChoice, WORKER_MIN_N, workersFor } from './cpu-threads';
import { SumPool, type SumWorkerPort } from './sum-pool';
import { WholePasses } from './tutorial-sums';

export interface CpuEngineOptions {
  /** Workers for a full pass: 'auto' (one a core, for large data) or that many at any size. */
  readonly threads?: ThreadChoice;
  /** Starts a worker: the page's own by default; tests hand in workers that run in their thread. */
  readonly spawnWorker?: () => SumWorkerPort;
}

/**
 * f at every point of the grid, row-major with y outer. One index runs over
 * the output, so there is no loop bound to get wrong (a typed array would
 * swallow a write past its end without a word).
 */
function overGrid(grid: GridSpec, f: (x: number, y: number) => number): Float32Array {
  const { size } = grid;
  return Float32Array.from({ length: size * size }, (_, k) =>
    f(gridCoordinate(grid.x, size, k % size), gridCoordinate(grid.y, size, Math.floor(k / size))),
  );
}

export class CpuEngine implements Engine {
  readonly kind = 'cpu' as const;
  private data: Dataset = { points: new Float64Array(0), targets: new Uint8Array(0) };
  private params: Params = { w: INITIAL_OPTIONS.features.map(() => 0), b: 0 };
  private options: EngineOptions = INITIAL_OPTIONS;
  /** Steps since the last setParams: drives the mini-batch schedule. */
  private step = 0;
  private optimizerState: OptimizerState = initialOptimizerState(INITIAL_OPTIONS.features.length);
  private readonly threads: ThreadChoice;
  private readonly spawnWorker: (() => SumWorkerPort) | undefined;
  private pool: SumPool | undefined;
  /** Set when a worker failed: the engine goes on, on the main thread alone. */
  private poolFailed = false;
  /**
   * Whole-data evaluations by the parameters they were taken at, for the
   * current data and options: the train call's closing snapshot is the next
   * call's first step. Racers share the model's form, so theirs count too.
   */
  private evaluations = new WeakMap<Params, Evaluation>();
  /**
   * The main thread's full passes: from WORKER_MIN_N samples by the
   * WebAssembly kernel where it applies (as the workers would), below that by
   * the model's own loop, so that the engine's results on small data stay
   * bit-identical to the model's.
   */
  private passes = new WholePasses(this.data, false);

  constructor(options: CpuEngineOptions = {}) {
    this.threads = options.threads ?? 'auto';
    this.spawnWorker = options.spawnWorker;
    checkThreads(this.threads);
  }

  /** The workers the last snapshot's pass was split across (0: the main thread), and how they got the data. */
  get workers(): { readonly count: number; readonly sharing: SumPool['sharing'] | undefined } {
    return this.lastPass;
  }
  private lastPass: CpuEngine['workers'] = { count: 0, sharing: undefined };

  async setData(data: Dataset): Promise<void> {
    this.data = data;
    this.step = 0;
    this.dataChanged();
  }

  async applyEdit(data: Dataset): Promise<void> {
    this.data = data;
    this.dataChanged();
  }

  private dataChanged(): void {
    this.evaluations = new WeakMap();
    this.passes = new WholePasses(this.data, this.data.targets.length >= WORKER_MIN_N);
    this.pool?.forget();
  }

  setParams(params: Params, optimizer: OptimizerState = initialOptimizerState(params.w.length)): void {
    this.params = params;
    this.optimizerState = optimizer;
    this.step = 0;
  }

  setOptions(options: EngineOptions): void {
    this.options = options;
    this.evaluations = new WeakMap();
  }

  async train(steps: number, extras: TrainExtras = {}): Promise<TrainResult> {
    checkTrainSteps(steps);
    checkRace(extras.race);
    checkKeeping(extras.keep);
    for (const entry of extras.race ?? []) checkKeeping(entry.keep);
    const firstStep = this.step;
    const { limits } = extras;
    // Every racer from the same step of the schedule, by the same loop as the model: a racer is the rule run alone.
    const race = [];
    for (const entry of extras.race ?? []) {
      const options = {
        ...this.options,
        learningRate: entry.racer.learningRate,
        optimizer: racerSettings(entry.racer, this.options),
      };
      const start = entry.optimizer ?? initialOptimizerState(entry.params.w.length);
      const run = await this.advance(entry.params, start, options, firstStep, steps, { keep: entry.keep, limits });
      race.push({ ...outcomeOf(run), final: await this.evaluateAt(run.params, options) });
    }
    const run = await this.advance(this.params, this.optimizerState, this.options, firstStep, steps, {
      keep: extras.keep,
      limits,
    });
    this.params = run.params;
    this.optimizerState = run.optimizer;
    this.step = firstStep + run.taken;
    const final = await this.snapshot();
    const result: TrainResult = { ...outcomeOf(run), final, ...(extras.race ? { race } : {}) };
    if (!extras.probabilityGrid) return result;
    return { ...result, probabilities: await this.probabilityGrid(extras.probabilityGrid) };
  }

  /**
   * `steps` steps of `options`' optimiser from `params` with its state `state`, the mini-batch schedule at
   * `firstStep`; a Newton step refused on a singular Hessian ends them, untaken, and so do the limits
   * (RunLimits). Every step's path, loss and accuracy, or with `keep` only the kept steps, measured where
   * they ended.
   */
  private async advance(
    params: Params,
    state: OptimizerState,
    options: EngineOptions,
    firstStep: number,
    steps: number,
    stops: StepStops,
  ): Promise<Advance> {
    const { keep, limits } = stops;
    const path: Params[] = [];
    const losses: number[] = [];
    const accuracies: number[] = [];
    const kept: KeptStep[] = [];
    const n = this.data.targets.length;
    const { reduction, batchSize, learningRate, bias } = options;
    const miniBatch = isMiniBatch(batchSize, n);
    const domain = shuffleDomain(n);
    const optimizer = options.optimizer ?? DEFAULT_OPTIMIZER;
    const newton = optimizer.optimizer === 'newton';
    // Decided once a call: on small data a step is a few microseconds, and every lookup in it shows.
    const pool = miniBatch ? undefined : this.poolFor(n);
    // Small data on the main thread (the model's own loop, no kernel: passes below WORKER_MIN_N): the same
    // steps without an object a step. Not on large data, where a step is its pass, and the call's first
    // step starts from the evaluation kept by the last call (the fused steps would take that pass again).
    if (!miniBatch && !newton && !pool && n < WORKER_MIN_N) {
      return fusedSteps(this.data, params, state, options, steps, stops);
    }
    let refused: string | undefined;
    let limited = false;
    let at = params;
    let carried = state;
    let taken = 0;
    for (let s = 0; s < steps; s++) {
      let gradient: Params;
      let loss: number;
      let accuracy: number;
      // Newton's Hessian is over the very samples the gradient is over.
      let curvature: (() => number[][]) | undefined;
      if (miniBatch) {
        const slot = batchSlot(firstStep + s, n, batchSize);
        const key = epochKey(SHUFFLE_SEED, slot.epoch);
        const result = batchGradient(this.data, at, options, slot, domain, key);
        gradient = result.gradient;
        loss = result.cost;
        accuracy = result.accuracy;
        const from = at;
        if (newton) curvature = () => batchHessian(this.data, from, options, slot, domain, key);
      } else {
        // Only the first step can start where an evaluation was kept; awaited only where workers take the
        // pass, so small data never yield between steps.
        const e =
          (s === 0 ? this.evaluations.get(at) : undefined) ??
          (pool ? await this.pooledEvaluation(pool, at, options) : this.evaluation(at, options));
        gradient = e.gradient;
        loss = reducedCost(e, reduction);
        accuracy = correctCount(e.confusion) / n;
        const from = at;
        if (newton) curvature = () => hessian(this.data, from, options);
      }
      let next: OptimizerStep;
      try {
        next = curvature
          ? newtonStep(at, gradient, curvature(), carried, learningRate, bias)
          : firstOrderStep(at, gradient, carried, optimizer, learningRate, bias);
      } catch (error) {
        if (!(error instanceof SingularHessianError)) throw error;
        // The step is refused: what it started from was measured, but it is not taken.
        refused = error.message;
        break;
      }
      const verdict = limits ? limitVerdict(next.params, limits) : 'within';
      if (verdict === 'leap') {
        limited = true;
        break;
      }
      // Step s is taken: where the step before it ended is measured now, where this one starts.
      if (keep) {
        if (s > 0 && keepsStep(keep, s - 1)) kept.push({ step: s, params: at, loss, accuracy });
      } else {
        losses.push(loss);
        accuracies.push(accuracy);
        path.push(next.params);
      }
      at = next.params;
      carried = next.state;
      taken++;
      if (verdict === 'past') {
        limited = true;
        break;
      }
    }
    return {
      taken,
      path,
      losses,
      accuracies,
      kept: keep ? kept : undefined,
      params: at,
      optimizer: carried,
      refused,
      limited,
    };
  }

  /** The whole data set evaluated at `params` under `options`, kept for a step from there. */
  private async evaluateAt(params: Params, options: EngineOptions): Promise<Snapshot> {
    let e = this.evaluations.get(params);
    if (!e) {
      const pool = this.poolFor(this.data.targets.length);
      e = pool ? await this.pooledEvaluation(pool, params, options) : this.evaluation(params, options);
      // After the pass: a pool that failed during it is gone, and the main thread took the pass.
      this.lastPass =
        pool && this.pool === pool ? { count: pool.size, sharing: pool.sharing } : { count: 0, sharing: undefined };
      this.evaluations.set(params, e);
    }
    return { params, sumCost: e.sumCost, meanCost: e.meanCost, confusion: e.confusion, gradient: e.gradient };
  }

  /** The main thread's pass over the whole data set at `params`. */
  private evaluation(params: Params, options: EngineOptions): Evaluation {
    return evaluationOf(this.passes.sums(params, options), params, options);
  }

  /** The workers for a pass over n samples, started or resized on first need; undefined for the main thread. */
  private poolFor(n: number): SumPool | undefined {
    if (this.poolFailed) return undefined;
    const hardware = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
    const size = workersFor(this.threads, n, hardware, this.spawnWorker !== undefined || typeof Worker === 'function');
    if (size === 0) return undefined;
    if (this.pool?.size !== size) {
      this.pool?.destroy();
      this.pool = new SumPool(size, this.spawnWorker);
    }
    return this.pool;
  }

  /**
   * The workers' pass at `params`. Where they fail, the engine stops using
   * them and takes the pass itself: a result is never lost to a worker.
   */
  private async pooledEvaluation(pool: SumPool, params: Params, options: EngineOptions): Promise<Evaluation> {
    // A caller's mistake is thrown here, as the main thread's pass would throw it, not posted.
    checkWidth(params, options.features);
    // A pool that failed earlier in this call: the main thread has taken over.
    if (this.poolFailed) return this.evaluation(params, options);
    try {
      return evaluationOf(await pool.sum(this.data, params, options), params, options);
    } catch {
      this.poolFailed = true;
      pool.destroy();
      this.pool = undefined;
      return this.evaluation(params, options);
    }
  }

  async snapshot(): Promise<Snapshot> {
    return this.evaluateAt(this.params, this.options);
  }

  async costSurface(grid: GridSpec, part: SurfacePart = {}): Promise<Float32Array> {
    const n = this.data.targets.length;
    const { first, stride, count } = surfaceSamples(n, part);
    const scale = estimateScale(this.options.reduction, count, n);
    const at = part.at ?? this.params;
    const axes = part.axes ?? DEFAULT_AXES;
    checkAxes(axes, at.w.length);
    // The whole set is the main thread's pass (by the kernel on large data); a sample of it is walked by index.
    const whole = first === 0 && stride === 1;
    const visited = (k: number) => first + k * stride;
    return overGrid(grid, (u, v) => {
      const params = slicePoint(at, axes, u, v);
      const sums = whole
        ? this.passes.sums(params, this.options)
        : sumSamples(this.data, params, this.options, count, visited);
      return sums.cost * scale + penalty(params, this.options.l2);
    });
  }

  async probabilityGrid(grid: GridSpec, at: Params = this.params): Promise<Float32Array> {
    return overGrid(grid, (x1, x2) => logistic(logit(at, this.options.features, x1, x2)));
  }

  destroy(): void {
    this.data = { points: new Float64Array(0), targets: new Uint8Array(0) };
    // The kept evaluations and the kernel's copy of the data go with it.
    this.dataChanged();
    this.pool?.destroy();
    this.pool = undefined;
  }
}

/** What a train result says of one run's steps (its `final` is measured apart). */
function outcomeOf(run: Advance) {
  return {
    taken: run.taken,
    path: run.path,
    losses: run.losses,
    accuracies: run.accuracies,
    optimizer: run.optimizer,
    ...(run.kept ? { kept: run.kept } : {}),
    ...(run.refused ? { refused: run.refused } : {}),
    ...(run.limited ? { limited: true as const } : {}),
  };
}

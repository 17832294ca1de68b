/**
 * One training run: the data, the settings, the engine and the history of
 * where gradient descent has been. It does one operation at a time and
 * queues nothing: its caller (the controller's one queue) orders them, and
 * an operation called while another is under way is refused, so an ordering
 * mistake fails loudly instead of interleaving two engine calls. Settings it
 * is given were checked where they entered (the controller): it trusts them.
 * What it shows the world is one immutable `run`, replaced whole when an
 * operation completes: readers never see the weights of one data set next to
 * the cost of another. No DOM: the elements wrap it.
 */
import type { Engine, EngineKind, GridSpec, RacerResult, Snapshot, SurfacePart, TrainResult } from '../contract/engine';
import { classCounts } from '../model/data-summary';
import type { Dataset } from '../model/dataset';
import { type AppliedEdit, addPoint, type EditResult, MIN_POINTS, nearestPoint, removePoint } from '../model/edit';
import type { OptimizerState } from '../model/optimizers';
import { type Params, reducedCost } from '../model/regression';
import { isMiniBatch } from '../model/shuffle';
import { type Split, splitData } from '../model/split';
import { measureChanges, trainingRestarts } from '../settings/playground-settings';
import { DEFAULT_SETTINGS, type TrainingSettings } from '../settings/settings';
import { lastOfClass, REFUSED_STOP, SAID, tooFewToRemove } from '../text/messages';
import { History, type HistoryEntry } from './history';
import { keptEntries, Rivals } from './rivals';
import { LIMIT_STOPS, MAX_ITERATION, pastWeightLimit, RUN_LIMITS } from './run-limits';
import { accuracyOf, initialParams, type Run, stateOf, type TrainingState, unmeasuredState } from './run-state';
import { ChunkPlanner, checkedStepCount, type StepOutcome, StepRun } from './step-run';

export {
  accuracyOf,
  initialParams,
  type Run,
  type SideMeasures,
  stateOf,
  type TrainingState,
  unmeasuredState,
} from './run-state';

/** A click's edit of the data. */
export type PointEdit =
  | { readonly action: 'add'; readonly x1: number; readonly x2: number; readonly t: 0 | 1 }
  | { readonly action: 'remove'; readonly x1: number; readonly x2: number };

export class TrainingSession {
  /** The operation under way, if any: there is never a second (see exclusive()). */
  private busyWith: string | undefined;
  private currentSettings: TrainingSettings;
  private currentData: Dataset;
  /** The data split into what the engine trains on and the test set held out (none unless asked for). */
  private split: Split;
  private dataVersion = 0;
  private readonly trail = new History();
  private iteration = 0;
  /** The optimiser's state where the run stands (undefined: zero, as at w(0)). */
  private optimizerState: OptimizerState | undefined;
  private published: Run | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly chunks = new ChunkPlanner();
  /** The racers beside the model when the settings hold a race (none otherwise). */
  private readonly rivals = new Rivals();
  /** Settles when the engine holds the first data set and w(0) is evaluated; rejects if it could not. */
  readonly ready: Promise<void>;

  constructor(
    private engine: Engine,
    data: Dataset,
    settings: TrainingSettings = DEFAULT_SETTINGS,
  ) {
    this.currentData = data;
    this.currentSettings = settings;
    this.split = splitData(data, settings.testFraction);
    this.ready = this.exclusive('start', async () => {
      await this.engine.setData(this.split.train);
      this.pushOptions();
      await this.restart();
    });
    // A caller that never awaits `ready` must not see an unhandled rejection; the next operation is refused anyway.
    this.ready.catch(() => undefined);
  }

  /** The settings the run trains with. */
  get settings(): TrainingSettings {
    return this.currentSettings;
  }

  /** The run as the last completed operation left it; undefined before `ready`. */
  get run(): Run | undefined {
    return this.published;
  }

  /** All the data, the test set included (the engine holds the training part: `run.data`). */
  get data(): Dataset {
    return this.currentData;
  }

  get engineKind(): EngineKind {
    return this.engine.kind;
  }

  /** The run's `state`; before `ready`, w(0) with nothing measured. */
  get state(): TrainingState {
    if (this.published) return stateOf(this.published);
    return unmeasuredState(this.currentSettings, this.trainingCount, this.engine.kind);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs n gradient-descent steps (0 ≤ n ≤ MAX_STEPS_PER_CALL), in chunks
   * (step-run.ts): the run is published after each, `progress` hears how
   * many steps are done while more are to come, and the run stops between
   * chunks once its StepRun is stopped (the controller stops it for a reset,
   * new data, a restart, a loaded model, a pause or a divergence). A stopped
   * run resolves, at the step it reached; a failed chunk rejects, keeping the
   * steps before it. With a grid, also returns P(t = 1 | x) on it at the
   * final weights, computed with the last chunk in one go.
   */
  step(n: number | StepRun = 1, probabilityGrid?: GridSpec, progress?: (done: number) => void): Promise<StepOutcome> {
    // A run planned earlier (by the controller, when it was asked for) may have been stopped before it begins.
    const run = typeof n === 'number' ? new StepRun(checkedStepCount(n)) : n;
    return this.exclusive('step', () => this.runSteps(run, probabilityGrid, progress));
  }

  private async runSteps(
    run: StepRun,
    probabilityGrid: GridSpec | undefined,
    progress: ((done: number) => void) | undefined,
  ): Promise<StepOutcome> {
    const n = run.requested;
    let taken = 0;
    let refused = false;
    let probabilities: Float32Array | undefined;
    while (taken < n && run.stoppedBy === undefined) {
      const limit = this.limitReached();
      if (limit) {
        run.stop(limit);
        break;
      }
      const planned = this.chunks.next(n - taken, this.engine.kind, this.trainingCount);
      const chunk = Math.min(planned, MAX_ITERATION - this.iteration);
      const last = taken + chunk === n;
      const started = performance.now();
      const race = this.rivals.count > 0 ? { race: this.rivals.entries() } : {};
      // Only what the history keeps comes back, and the engine stops at the run's limits by itself.
      const keep = this.trail.keepingFrom(this.iteration);
      const extras = { keep, limits: RUN_LIMITS, ...race };
      const result = await this.engine.train(chunk, last && probabilityGrid ? { probabilityGrid, ...extras } : extras);
      this.chunks.measured(chunk, performance.now() - started);
      // The racers stepped the whole chunk, whatever the model did.
      if (result.race) this.recordRivals(result.race);
      const done = result.taken;
      // A step that would leap past any weight a model may hold is not taken: with none taken, nothing moved.
      if (done > 0) this.record(done, result);
      taken += done;
      probabilities = result.probabilities;
      if (result.limited) {
        // A weight passed the limit within the chunk: the run ended at that step, not at the chunk's end.
        run.stop(LIMIT_STOPS.weights);
        continue;
      }
      if (result.refused !== undefined) {
        // The optimiser refused a step (Newton's, on a singular Hessian): asking again would be refused again.
        run.stop(REFUSED_STOP);
        refused = true;
        continue;
      }
      if (taken < n) {
        progress?.(taken);
        await this.chunks.breathe();
      }
    }
    return { taken, stoppedBy: taken < n ? run.stoppedBy : undefined, refused, probabilities };
  }

  /** Why no step may be taken from here (a weight past its limit, the last iteration), or undefined. */
  private limitReached(): string | undefined {
    if (this.published && pastWeightLimit(this.published.evaluation.params)) return LIMIT_STOPS.weights;
    if (this.iteration >= MAX_ITERATION) return LIMIT_STOPS.iteration;
    return undefined;
  }

  private recordRivals(results: readonly RacerResult[]): void {
    const n = this.trainingCount;
    const measuredOn = isMiniBatch(this.currentSettings.batchSize, n) ? 'batch' : 'all';
    this.rivals.record(results, measuredOn, this.currentSettings.reduction, (s) => accuracyOf(s, n));
  }

  /** Adds a chunk's steps to the history (those it kept) and publishes where they ended. */
  private record(steps: number, result: TrainResult): void {
    const first = this.iteration;
    // Those at w(first) are in the history already; the final snapshot measures w(first + steps) exactly.
    const measuredOn = isMiniBatch(this.currentSettings.batchSize, this.trainingCount) ? 'batch' : 'all';
    const entries = keptEntries(first, result.kept ?? [], measuredOn);
    entries.push(this.entryAt(first + steps, result.final));
    this.trail.append(entries);
    this.iteration += steps;
    this.optimizerState = result.optimizer;
    this.publish(result.final);
  }

  /**
   * Puts the model at `params`, as reached at `iteration` (a loaded model), with the optimiser's state
   * there (zero when absent): the history starts there.
   */
  setWeights(params: Params, iteration: number, optimizer?: OptimizerState): Promise<void> {
    return this.exclusive('setWeights', async () => {
      this.engine.setParams(params, optimizer);
      this.optimizerState = optimizer;
      const evaluation = await this.engine.snapshot();
      this.iteration = iteration;
      this.trail.reset(this.entryAt(iteration, evaluation));
      this.resetRivals(evaluation);
      this.publish(evaluation);
    });
  }

  /** Back to w(0): the initial weights, iteration 0. */
  reset(): Promise<void> {
    return this.exclusive('reset', () => this.restart());
  }

  /**
   * Trains with `next` (checked by the controller, where it came in). The
   * learning rate and batch size apply from the next step; λ and the
   * threshold too, the model measured again at once (its cost and confusion
   * change with them); anything that changes the model or its start
   * (features, weights, bias, reduction) resets: resolves true when it did.
   */
  configure(next: TrainingSettings): Promise<boolean> {
    return this.exclusive('configure', async () => {
      const previous = this.currentSettings;
      if (next.testFraction !== previous.testFraction) {
        // Another split is other training data: the engine gets them, and the run starts again below.
        const split = splitData(this.currentData, next.testFraction);
        await this.engine.setData(split.train);
        this.split = split;
        this.dataVersion++;
      }
      this.currentSettings = next;
      this.pushOptions();
      const restarts = trainingRestarts(previous, next);
      if (restarts) await this.restart();
      else if (this.published) {
        if (next.optimizer !== previous.optimizer) {
          // Another rule goes on from these weights, its state at zero: one rule's velocity is not another's moment.
          this.engine.setParams(this.published.evaluation.params);
          this.optimizerState = undefined;
        }
        if (measureChanges(previous, next)) this.publish(await this.engine.snapshot());
        else this.published = { ...this.published, settings: next, optimizer: this.optimizerState };
      }
      return restarts;
    });
  }

  /** Data of about n samples are being drawn or read: the engine may begin what they will need (a hint). */
  expectData(n: number): void {
    this.engine.expectData?.(n);
  }

  /** Replaces the data and resets. If the engine refuses them, the old data stay and the promise rejects. */
  loadData(data: Dataset): Promise<void> {
    return this.exclusive('loadData', async () => {
      const split = splitData(data, this.currentSettings.testFraction);
      await this.engine.setData(split.train);
      this.currentData = data;
      this.split = split;
      this.dataVersion++;
      await this.restart();
    });
  }

  /**
   * Adds or removes one point, keeping the weights and the history: training
   * continues on the edited points. The edit applies to the data as the
   * edits before it left them (the controller's queue runs them in order),
   * so quick successive clicks all count, and what the data must keep
   * (MIN_POINTS, a point of each class) is checked against them. Resolves to
   * the edit as made (what undo needs), or to why nothing was removed.
   */
  editData(edit: PointEdit): Promise<AppliedEdit | string> {
    return this.exclusive('editData', async () => {
      const made = this.edited(edit);
      if (typeof made === 'string') return made;
      await this.commitEdit(made.result);
      return made.applied;
    });
  }

  /**
   * Applies an edit worked out from the current data by `make` (an undo or a
   * redo), like a click's, keeping the weights.
   */
  replayEdit(make: (data: Dataset) => EditResult): Promise<void> {
    return this.exclusive('replayEdit', () => this.commitEdit(make(this.currentData)));
  }

  private async commitEdit(result: EditResult): Promise<void> {
    const fraction = this.currentSettings.testFraction;
    if (fraction > 0) {
      // The edited point may fall on either side: the training part is uploaded again (the weights stay).
      const split = splitData(result.data, fraction);
      await this.engine.setData(split.train);
      this.split = split;
    } else {
      await this.engine.applyEdit(result.data, result.change);
      this.split = splitData(result.data, 0);
    }
    this.currentData = result.data;
    this.dataVersion++;
    const evaluation = await this.engine.snapshot();
    this.trail.setLast(
      reducedCost(evaluation, this.currentSettings.reduction),
      accuracyOf(evaluation, this.trainingCount),
    );
    this.publish(evaluation);
  }

  /** Moves the run to another engine (after a lost device, say), keeping data, settings and history. */
  replaceEngine(engine: Engine): Promise<void> {
    return this.exclusive('replaceEngine', async () => {
      const old = this.engine;
      try {
        await engine.setData(this.split.train);
      } catch (error) {
        engine.destroy();
        throw error;
      }
      this.engine = engine;
      old.destroy();
      this.pushOptions();
      engine.setParams(this.published?.evaluation.params ?? initialParams(this.currentSettings), this.optimizerState);
      this.publish(await engine.snapshot());
    });
  }

  /**
   * ξ(w1, w2) (all of it, or a part) at the current b. Resolves with the
   * run it was computed for, so a caller can tell a result for data that
   * have changed since.
   */
  costSurface(grid: GridSpec, part?: SurfacePart): Promise<{ values: Float32Array; run: Run | undefined }> {
    return this.exclusive(
      'costSurface',
      async () => ({ values: await this.engine.costSurface(grid, part), run: this.published }),
      false,
    );
  }

  /** P(t = 1 | x) on a grid at the current parameters, or at `at` (a racer beside the model). */
  probabilityGrid(grid: GridSpec, at?: Params): Promise<Float32Array> {
    return this.exclusive('probabilityGrid', () => this.engine.probabilityGrid(grid, at), false);
  }

  /** Frees the engine; the session must not be used afterwards (the controller calls it last in its queue). */
  destroy(): void {
    this.listeners.clear();
    this.engine.destroy();
  }

  /** The edited data and the edit as made, or why the edit cannot be made. */
  private edited(edit: PointEdit): { result: EditResult; applied: AppliedEdit } | string {
    const data = this.currentData;
    if (edit.action === 'add') {
      return {
        result: addPoint(data, edit.x1, edit.x2, edit.t),
        applied: { kind: 'add', point: [edit.x1, edit.x2, edit.t] },
      };
    }
    if (data.targets.length <= MIN_POINTS) return tooFewToRemove(MIN_POINTS);
    const index = nearestPoint(data, edit.x1, edit.x2);
    const t = data.targets[index];
    const [zeros, ones] = classCounts(data);
    if ((t === 0 ? zeros : ones) <= 1) return lastOfClass(t ?? 0);
    const result = removePoint(data, index);
    if (!result) return SAID.noPointToRemove;
    const point = [data.points[2 * index]!, data.points[2 * index + 1]!, t ?? 0] as const;
    return { result, applied: { kind: 'remove', index, point } };
  }

  private pushOptions(): void {
    const s = this.currentSettings;
    this.engine.setOptions({
      learningRate: s.learningRate,
      bias: s.bias,
      reduction: s.reduction,
      batchSize: s.batchSize,
      features: s.features,
      l2: s.l2,
      threshold: s.threshold,
      optimizer: {
        optimizer: s.optimizer,
        momentum: s.momentum,
        beta1: s.beta1,
        beta2: s.beta2,
        epsilon: s.epsilon,
      },
    });
  }

  private entryAt(iteration: number, evaluation: Snapshot): HistoryEntry {
    return {
      iteration,
      params: evaluation.params,
      loss: reducedCost(evaluation, this.currentSettings.reduction),
      accuracy: accuracyOf(evaluation, this.trainingCount),
      measuredOn: 'all',
    };
  }

  private async restart(): Promise<void> {
    this.engine.setParams(initialParams(this.currentSettings));
    this.optimizerState = undefined;
    const evaluation = await this.engine.snapshot();
    this.iteration = 0;
    this.trail.reset(this.entryAt(0, evaluation));
    this.resetRivals(evaluation);
    this.publish(evaluation);
  }

  /** A race starts (again) where the model stands: every racer beside it there, state zero. */
  private resetRivals(evaluation: Snapshot): void {
    const start = this.trail.entries[0];
    if (start) this.rivals.reset(this.currentSettings.race, start, evaluation, this.currentSettings.reduction);
  }

  /** N: the samples the engine trains on. */
  private get trainingCount(): number {
    return this.split.train.targets.length;
  }

  private publish(evaluation: Snapshot): void {
    this.published = {
      dataVersion: this.dataVersion,
      data: this.split.train,
      test: this.split.test.targets.length > 0 ? this.split.test : undefined,
      settings: this.currentSettings,
      iteration: this.iteration,
      evaluation,
      optimizer: this.optimizerState,
      ...(this.rivals.count > 0 ? { rivals: this.rivals.states() } : {}),
      history: this.trail.entries,
      engine: this.engine.kind,
    };
  }

  /**
   * Runs one operation, refusing it while another is under way (two engine
   * calls must never interleave: the caller's queue orders them); `notify`
   * tells subscribers when it changed the run.
   */
  private async exclusive<T>(name: string, operation: () => Promise<T>, notify = true): Promise<T> {
    if (this.busyWith !== undefined) {
      throw new Error(`TrainingSession.${name}() was called while ${this.busyWith}() was under way: queue them`);
    }
    this.busyWith = name;
    try {
      return await operation();
    } finally {
      this.busyWith = undefined;
      if (notify) this.notify();
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

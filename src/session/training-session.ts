/**
 * One training run: the data, the settings, the engine and the history of
 * where gradient descent has been. It owns the order of operations: every
 * call is queued behind the previous one, so a step() issued while data is
 * loading runs on the new data, and two engine calls never interleave.
 * What it shows the world is one immutable `run`, replaced whole when an
 * operation completes: readers never see the weights of one data set next to
 * the cost of another. No DOM: the elements wrap it.
 */
import type { Engine, EngineKind, GridSpec, Snapshot, SurfacePart, TrainResult } from '../contract/engine';
import { classCounts } from '../model/data-summary';
import type { Dataset } from '../model/dataset';
import { type AppliedEdit, addPoint, type EditResult, MIN_POINTS, nearestPoint, removePoint } from '../model/edit';
import { type Params, reducedCost } from '../model/regression';
import { isMiniBatch } from '../model/shuffle';
import { trainingRestarts } from '../settings/playground-settings';
import { DEFAULT_SETTINGS, type TrainingSettings } from '../settings/settings';
import { applyTraining } from '../settings/settings-change';
import { lastOfClass, SAID, STOPPED_BY, tooFewToRemove } from '../text/messages';
import { History, type HistoryEntry } from './history';
import { LIMIT_STOPS, MAX_ITERATION, pastWeightLimit, stepsWithinLimit } from './run-limits';
import { accuracyOf, initialParams, type Run, stateOf, type TrainingState, unmeasuredState } from './run-state';
import { ChunkPlanner, checkedStepCount, type StepOutcome, StepRun } from './step-run';

export { accuracyOf, initialParams, type Run, stateOf, type TrainingState, unmeasuredState } from './run-state';

/** A click's edit of the data. */
export type PointEdit =
  | { readonly action: 'add'; readonly x1: number; readonly x2: number; readonly t: 0 | 1 }
  | { readonly action: 'remove'; readonly x1: number; readonly x2: number };

export class TrainingSession {
  private queue: Promise<unknown> = Promise.resolve();
  private currentSettings: TrainingSettings;
  private currentData: Dataset;
  private dataVersion = 0;
  private readonly trail = new History();
  private iteration = 0;
  private published: Run | undefined;
  private readonly listeners = new Set<() => void>();
  /** The step runs asked for and not finished: what stopSteps() stops. */
  private readonly stepRuns = new Set<StepRun>();
  private readonly chunks = new ChunkPlanner();
  /** Settles when the engine holds the first data set and w(0) is evaluated; rejects if it could not. */
  readonly ready: Promise<void>;

  constructor(
    private engine: Engine,
    data: Dataset,
    settings: TrainingSettings = DEFAULT_SETTINGS,
  ) {
    this.currentData = data;
    this.currentSettings = applyTraining(DEFAULT_SETTINGS, settings);
    this.ready = this.enqueue(async () => {
      await this.engine.setData(data);
      this.pushOptions();
      await this.restart();
    });
  }

  /** The settings as last asked for (they apply from the next queued operation). */
  get settings(): TrainingSettings {
    return this.currentSettings;
  }

  /** The run as the last completed operation left it; undefined before `ready`. */
  get run(): Run | undefined {
    return this.published;
  }

  /** The data the queue works on: the latest asked for, which `run` shows once loaded. */
  get data(): Dataset {
    return this.currentData;
  }

  get engineKind(): EngineKind {
    return this.engine.kind;
  }

  /** The run's `state`; before `ready`, w(0) with nothing measured. */
  get state(): TrainingState {
    if (this.published) return stateOf(this.published);
    return unmeasuredState(this.currentSettings, this.currentData.targets.length, this.engine.kind);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs n gradient-descent steps (0 ≤ n ≤ MAX_STEPS_PER_CALL; n = 0 only
   * waits for the queue), in chunks (step-run.ts): the run is published after
   * each, `progress` hears how many steps are done while more are to come,
   * and the run stops between chunks when stopSteps() is called (by a reset,
   * new data, a restart, a loaded model, or the controller's pause). A stopped
   * run resolves, at the step it reached; a failed chunk rejects, keeping the
   * steps before it. With a grid, also returns P(t = 1 | x) on it at the
   * final weights, computed with the last chunk in one go.
   */
  step(n: number | StepRun = 1, probabilityGrid?: GridSpec, progress?: (done: number) => void): Promise<StepOutcome> {
    // A run planned earlier (by the controller, when it was asked for) may have been stopped before it begins.
    const run = typeof n === 'number' ? new StepRun(checkedStepCount(n)) : n;
    this.stepRuns.add(run);
    return this.enqueue(async () => {
      try {
        return await this.runSteps(run, probabilityGrid, progress);
      } finally {
        this.stepRuns.delete(run);
      }
    });
  }

  /** Stops every step run asked for so far at its next chunk (one not begun takes no step): see step(). */
  stopSteps(reason: string): void {
    for (const run of this.stepRuns) run.stop(reason);
  }

  private async runSteps(
    run: StepRun,
    probabilityGrid: GridSpec | undefined,
    progress: ((done: number) => void) | undefined,
  ): Promise<StepOutcome> {
    const n = run.requested;
    let taken = 0;
    let probabilities: Float32Array | undefined;
    while (taken < n && run.stoppedBy === undefined) {
      const limit = this.limitReached();
      if (limit) {
        run.stop(limit);
        break;
      }
      const planned = this.chunks.next(n - taken, this.engine.kind, this.currentData.targets.length);
      const chunk = Math.min(planned, MAX_ITERATION - this.iteration);
      const last = taken + chunk === n;
      const started = performance.now();
      const result = await this.engine.train(chunk, last && probabilityGrid ? { probabilityGrid } : {});
      this.chunks.measured(chunk, performance.now() - started);
      const kept = stepsWithinLimit(result.path);
      if (kept < chunk) {
        // A weight passed the limit within the chunk: the run ends at that step, not at the chunk's end.
        this.engine.setParams(result.path[kept - 1] as Params);
        this.record(kept, { ...result, final: await this.engine.snapshot() });
        taken += kept;
        probabilities = undefined;
        continue;
      }
      this.record(chunk, result);
      taken += chunk;
      probabilities = result.probabilities;
      if (taken < n) {
        progress?.(taken);
        await this.chunks.breathe();
      }
    }
    return { taken, stoppedBy: taken < n ? run.stoppedBy : undefined, probabilities };
  }

  /** Why no step may be taken from here (a weight past its limit, the last iteration), or undefined. */
  private limitReached(): string | undefined {
    if (this.published && pastWeightLimit(this.published.evaluation.params)) return LIMIT_STOPS.weights;
    if (this.iteration >= MAX_ITERATION) return LIMIT_STOPS.iteration;
    return undefined;
  }

  /** Adds a chunk's steps to the history (those it keeps) and publishes where they ended. */
  private record(steps: number, result: TrainResult): void {
    const first = this.iteration;
    // losses[j] and accuracies[j] are measured where step j started: at w(first + j). Those at
    // w(first) are in the history already; the final snapshot measures w(first + steps) exactly.
    const entries: HistoryEntry[] = [];
    const measuredOn = isMiniBatch(this.currentSettings.batchSize, this.currentData.targets.length) ? 'batch' : 'all';
    for (let j = 0; j < steps - 1; j++) {
      const iteration = first + j + 1;
      if (!this.trail.keeps(iteration)) continue;
      entries.push({
        iteration,
        params: result.path[j] as Params,
        loss: result.losses[j + 1] as number,
        accuracy: result.accuracies[j + 1] as number,
        measuredOn,
      });
    }
    entries.push(this.entryAt(first + steps, result.final));
    this.trail.append(entries);
    this.iteration += steps;
    this.publish(result.final);
  }

  /** Puts the model at `params`, as reached at `iteration` (a loaded model): the history starts there. */
  setWeights(params: Params, iteration: number): Promise<void> {
    this.stopSteps(STOPPED_BY.modelLoaded);
    return this.enqueue(async () => {
      this.engine.setParams(params);
      const evaluation = await this.engine.snapshot();
      this.iteration = iteration;
      this.trail.reset(this.entryAt(iteration, evaluation));
      this.publish(evaluation);
    });
  }

  /** Back to w(0): the initial weights, iteration 0. */
  reset(): Promise<void> {
    this.stopSteps(STOPPED_BY.reset);
    return this.enqueue(() => this.restart());
  }

  /**
   * Changes settings. Validation is immediate (a SettingError, nothing changed).
   * The learning rate and batch size apply from the next step; anything that
   * changes the model or its start (weights, bias, reduction) resets.
   */
  configure(changes: Partial<TrainingSettings>): Promise<void> {
    const next = applyTraining(this.currentSettings, changes);
    const previous = this.currentSettings;
    this.currentSettings = next;
    // Steps asked for before a restart would be thrown away by it: they are not taken.
    if (trainingRestarts(previous, next)) this.stopSteps(STOPPED_BY.restarted);
    return this.enqueue(async () => {
      this.pushOptions();
      if (trainingRestarts(previous, next)) await this.restart();
      else if (this.published) this.published = { ...this.published, settings: next };
    });
  }

  /** Replaces the data and resets. If the engine refuses them, the old data stay and the promise rejects. */
  loadData(data: Dataset): Promise<void> {
    this.stopSteps(STOPPED_BY.newData);
    return this.enqueue(async () => {
      await this.engine.setData(data);
      this.currentData = data;
      this.dataVersion++;
      await this.restart();
    });
  }

  /**
   * Adds or removes one point, keeping the weights and the history: training
   * continues on the edited points. The edit is applied in the queue, to the
   * data as the edits before it left them, so quick successive clicks all
   * count, and what the data must keep (MIN_POINTS, a point of each class)
   * is checked there too. Resolves to the edit as made (what undo needs), or
   * to why nothing was removed.
   */
  editData(edit: PointEdit): Promise<AppliedEdit | string> {
    return this.enqueue(async () => {
      const made = this.edited(edit);
      if (typeof made === 'string') return made;
      await this.commitEdit(made.result);
      return made.applied;
    });
  }

  /**
   * Applies an edit worked out from the current data by `make` (an undo or a
   * redo), in the queue like a click's, keeping the weights.
   */
  replayEdit(make: (data: Dataset) => EditResult): Promise<void> {
    return this.enqueue(() => this.commitEdit(make(this.currentData)));
  }

  private async commitEdit(result: EditResult): Promise<void> {
    await this.engine.applyEdit(result.data, result.change);
    this.currentData = result.data;
    this.dataVersion++;
    const evaluation = await this.engine.snapshot();
    this.trail.setLast(
      reducedCost(evaluation, this.currentSettings.reduction),
      accuracyOf(evaluation, result.data.targets.length),
    );
    this.publish(evaluation);
  }

  /** Moves the run to another engine (after a lost device, say), keeping data, settings and history. */
  replaceEngine(engine: Engine): Promise<void> {
    return this.enqueue(async () => {
      const old = this.engine;
      try {
        await engine.setData(this.currentData);
      } catch (error) {
        engine.destroy();
        throw error;
      }
      this.engine = engine;
      old.destroy();
      this.pushOptions();
      engine.setParams(this.published?.evaluation.params ?? initialParams(this.currentSettings));
      this.publish(await engine.snapshot());
    });
  }

  /**
   * ξ(w1, w2) (all of it, or a part) at the current b, queued behind training
   * like every engine call. Resolves with the run it was computed for, so a
   * caller can tell a result for data that have changed since.
   */
  costSurface(grid: GridSpec, part?: SurfacePart): Promise<{ values: Float32Array; run: Run | undefined }> {
    return this.enqueue(
      async () => ({ values: await this.engine.costSurface(grid, part), run: this.published }),
      false,
    );
  }

  /** P(t = 1 | x) on a grid at the current parameters. */
  probabilityGrid(grid: GridSpec): Promise<Float32Array> {
    return this.enqueue(() => this.engine.probabilityGrid(grid), false);
  }

  /** Frees the engine once the queue is done; the session must not be used afterwards. */
  destroy(): Promise<void> {
    this.listeners.clear();
    const done = this.queue.then(() => this.engine.destroy());
    this.queue = done;
    return done;
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
    });
  }

  private entryAt(iteration: number, evaluation: Snapshot): HistoryEntry {
    return {
      iteration,
      params: evaluation.params,
      loss: reducedCost(evaluation, this.currentSettings.reduction),
      accuracy: accuracyOf(evaluation, this.currentData.targets.length),
      measuredOn: 'all',
    };
  }

  private async restart(): Promise<void> {
    this.engine.setParams(initialParams(this.currentSettings));
    const evaluation = await this.engine.snapshot();
    this.iteration = 0;
    this.trail.reset(this.entryAt(0, evaluation));
    this.publish(evaluation);
  }

  private publish(evaluation: Snapshot): void {
    this.published = {
      dataVersion: this.dataVersion,
      data: this.currentData,
      settings: this.currentSettings,
      iteration: this.iteration,
      evaluation,
      history: this.trail.entries,
      engine: this.engine.kind,
    };
  }

  /** Queues an operation; `notify` tells subscribers when it changed the run. */
  private enqueue<T>(operation: () => Promise<T>, notify = true): Promise<T> {
    const run = this.queue.then(operation);
    // A failed operation must not block the ones after it; its caller sees the rejection.
    this.queue = run.catch(() => undefined);
    return notify ? run.finally(() => this.notify()) : run;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

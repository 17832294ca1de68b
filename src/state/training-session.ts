/**
 * One training run: the data, the settings, the engine and the history of
 * where gradient descent has been. It owns the order of operations: every
 * call is queued behind the previous one, so a step() issued while data is
 * loading runs on the new data, and two engine calls never interleave.
 * No DOM: the <lp-playground> element wraps it.
 */
import type { Engine, EngineKind, GridSpec, Snapshot } from '../engine/engine';
import type { Dataset } from '../model/dataset';
import { correctCount, type Params } from '../model/regression';
import { History, type HistoryEntry } from './history';
import { applySettings, DEFAULT_SETTINGS, type TrainingSettings } from './settings';

/** What the element exposes as `state`: plain numbers, safe to copy. */
export interface TrainingState {
  readonly iteration: number;
  readonly weights: readonly [number, number];
  readonly bias: number;
  /** The cost under the chosen reduction. */
  readonly cost: number;
  readonly meanCost: number;
  readonly accuracy: number;
  readonly engine: EngineKind;
}

export function initialParams(settings: TrainingSettings): Params {
  return {
    w1: settings.initialWeights[0],
    w2: settings.initialWeights[1],
    b: settings.bias ? settings.initialBias : 0,
  };
}

function reducedCost(snapshot: Snapshot, settings: TrainingSettings): number {
  return settings.reduction === 'mean' ? snapshot.meanCost : snapshot.sumCost;
}

function accuracyOf(snapshot: Snapshot, n: number): number {
  return n > 0 ? correctCount(snapshot.confusion) / n : Number.NaN;
}

export class TrainingSession {
  private queue: Promise<unknown> = Promise.resolve();
  private currentSettings: TrainingSettings;
  private currentData: Dataset;
  private readonly trail = new History();
  private iteration = 0;
  private latest: Snapshot | undefined;
  private readonly listeners = new Set<() => void>();
  /** Settles when the engine holds the first data set and w(0) is evaluated; rejects if it could not. */
  readonly ready: Promise<void>;

  constructor(
    private engine: Engine,
    data: Dataset,
    settings: TrainingSettings = DEFAULT_SETTINGS,
  ) {
    this.currentData = data;
    this.currentSettings = applySettings(DEFAULT_SETTINGS, settings);
    this.ready = this.enqueue(async () => {
      await this.engine.setData(data);
      this.pushOptions();
      await this.restart();
    });
  }

  get settings(): TrainingSettings {
    return this.currentSettings;
  }

  get data(): Dataset {
    return this.currentData;
  }

  get engineKind(): EngineKind {
    return this.engine.kind;
  }

  /** w(i) and the cost there, oldest first (thinned on long runs). */
  get history(): readonly HistoryEntry[] {
    return this.trail.entries;
  }

  /** The latest whole-data evaluation, or undefined before the first one. */
  get snapshot(): Snapshot | undefined {
    return this.latest;
  }

  get state(): TrainingState {
    const s = this.latest;
    const params = s?.params ?? initialParams(this.currentSettings);
    const n = this.currentData.targets.length;
    return {
      iteration: this.iteration,
      weights: [params.w1, params.w2],
      bias: params.b,
      cost: s ? reducedCost(s, this.currentSettings) : Number.NaN,
      meanCost: s ? s.meanCost : Number.NaN,
      accuracy: s ? accuracyOf(s, n) : Number.NaN,
      engine: this.engine.kind,
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs n gradient-descent steps (n = 0 only waits for the queue). With a
   * grid, also returns P(t = 1 | x) on it at the new weights, computed with
   * the steps in one go.
   */
  step(n = 1, probabilityGrid?: GridSpec): Promise<Float32Array | undefined> {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`step(n) needs a whole number n ≥ 0, got ${n}`);
    return this.enqueue(async () => {
      if (n === 0) return undefined;
      const result = await this.engine.train(n, probabilityGrid ? { probabilityGrid } : {});
      const first = this.iteration;
      // losses[j] is the cost where step j started: w(first + j). The exact cost at w(first)
      // is already in the history; the final snapshot gives the exact cost at the end.
      const entries: HistoryEntry[] = result.path.map((params, j) => ({
        iteration: first + j + 1,
        params,
        loss: result.losses[j + 1] as number,
      }));
      entries[n - 1] = {
        iteration: first + n,
        params: result.final.params,
        loss: reducedCost(result.final, this.currentSettings),
        accuracy: accuracyOf(result.final, this.currentData.targets.length),
      };
      this.trail.append(entries);
      this.iteration += n;
      this.latest = result.final;
      return result.probabilities;
    });
  }

  /** Back to w(0): the initial weights, iteration 0. */
  reset(): Promise<void> {
    return this.enqueue(() => this.restart());
  }

  /**
   * Changes settings. Validation is immediate (a SettingError, nothing changed).
   * The learning rate and batch size apply from the next step; anything that
   * changes the model or its start (weights, bias, reduction) resets.
   */
  configure(changes: Partial<TrainingSettings>): Promise<void> {
    const next = applySettings(this.currentSettings, changes);
    const previous = this.currentSettings;
    this.currentSettings = next;
    return this.enqueue(async () => {
      this.pushOptions();
      if (needsReset(previous, next)) await this.restart();
    });
  }

  /** Replaces the data and resets. If the engine refuses them, the old data stay and the promise rejects. */
  loadData(data: Dataset): Promise<void> {
    return this.enqueue(async () => {
      await this.engine.setData(data);
      this.currentData = data;
      await this.restart();
    });
  }

  /**
   * Edits the data but keeps the weights and the history: training continues
   * on the edited points. The edit is applied in the queue, to the data as
   * the edits before it left them, so quick successive clicks all count.
   */
  editData(edit: (current: Dataset) => Dataset): Promise<void> {
    return this.enqueue(async () => {
      const data = edit(this.currentData);
      const params = this.latest?.params ?? initialParams(this.currentSettings);
      await this.engine.setData(data);
      this.currentData = data;
      this.engine.setParams(params);
      this.latest = await this.engine.snapshot();
      this.trail.setLast(reducedCost(this.latest, this.currentSettings), accuracyOf(this.latest, data.targets.length));
    });
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
      engine.setParams(this.latest?.params ?? initialParams(this.currentSettings));
      this.latest = await engine.snapshot();
    });
  }

  /** ξ(w1, w2) on a grid at the current b, queued behind training like every engine call. */
  costSurface(grid: GridSpec): Promise<Float32Array> {
    return this.enqueue(() => this.engine.costSurface(grid), false);
  }

  /** P(t = 1 | x) on a grid at the current parameters. */
  probabilityGrid(grid: GridSpec): Promise<Float32Array> {
    return this.enqueue(() => this.engine.probabilityGrid(grid), false);
  }

  /** Frees the engine; the session must not be used afterwards. */
  destroy(): void {
    this.listeners.clear();
    this.queue = this.queue.then(() => this.engine.destroy());
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

  private async restart(): Promise<void> {
    const start = initialParams(this.currentSettings);
    this.engine.setParams(start);
    const snapshot = await this.engine.snapshot();
    this.iteration = 0;
    this.trail.reset({
      iteration: 0,
      params: start,
      loss: reducedCost(snapshot, this.currentSettings),
      accuracy: accuracyOf(snapshot, this.currentData.targets.length),
    });
    this.latest = snapshot;
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

/** Settings whose change makes the current weights meaningless: the run starts over. */
function needsReset(a: TrainingSettings, b: TrainingSettings): boolean {
  return (
    a.bias !== b.bias ||
    a.reduction !== b.reduction ||
    a.initialBias !== b.initialBias ||
    a.initialWeights[0] !== b.initialWeights[0] ||
    a.initialWeights[1] !== b.initialWeights[1]
  );
}

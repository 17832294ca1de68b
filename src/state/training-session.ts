/**
 * One training run: the data, the settings, the engine and the history of
 * where gradient descent has been. It owns the order of operations: every
 * call is queued behind the previous one, so a step() issued while data is
 * loading runs on the new data, and two step() calls never interleave.
 * No DOM: the <lp-playground> element wraps it.
 */
import type { Engine, EngineKind, Snapshot } from '../engine/engine';
import type { Dataset } from '../model/dataset';
import { correctCount, type Params } from '../model/regression';
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

/** Where descent has been: path[i] is w(i), losses[i] the cost there (estimated between mini-batch snapshots). */
export interface TrainingHistory {
  readonly path: readonly Params[];
  readonly losses: readonly number[];
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

export class TrainingSession {
  private queue: Promise<void> = Promise.resolve();
  private currentSettings: TrainingSettings;
  private currentData: Dataset;
  private path: Params[] = [];
  private losses: number[] = [];
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

  get history(): TrainingHistory {
    return { path: this.path, losses: this.losses };
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
      iteration: Math.max(0, this.path.length - 1),
      weights: [params.w1, params.w2],
      bias: params.b,
      cost: s ? reducedCost(s, this.currentSettings) : Number.NaN,
      meanCost: s ? s.meanCost : Number.NaN,
      accuracy: s && n > 0 ? correctCount(s.confusion) / n : Number.NaN,
      engine: this.engine.kind,
    };
  }

  /** Resolves once everything queued so far has run. */
  get settled(): Promise<void> {
    return this.queue;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs n gradient-descent steps (n = 0 only waits for the queue). */
  step(n = 1): Promise<void> {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`step(n) needs a whole number n ≥ 0, got ${n}`);
    return this.enqueue(async () => {
      if (n === 0) return;
      const result = await this.engine.train(n);
      // losses[i] belongs to path[i]; the train call measured the cost at every start but the first,
      // which the previous snapshot already holds exactly.
      this.losses.push(...result.losses.slice(1), reducedCost(result.final, this.currentSettings));
      this.path.push(...result.path);
      this.latest = result.final;
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
    const needsReset =
      next.bias !== previous.bias ||
      next.reduction !== previous.reduction ||
      next.initialBias !== previous.initialBias ||
      next.initialWeights[0] !== previous.initialWeights[0] ||
      next.initialWeights[1] !== previous.initialWeights[1];
    return this.enqueue(async () => {
      this.pushOptions();
      if (needsReset) await this.restart();
    });
  }

  /** Replaces the data and resets. If the engine refuses it, the old data stays and the promise rejects. */
  loadData(data: Dataset): Promise<void> {
    return this.enqueue(async () => {
      await this.engine.setData(data);
      this.currentData = data;
      await this.restart();
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
      const params = this.latest?.params ?? initialParams(this.currentSettings);
      engine.setParams(params);
      this.latest = await engine.snapshot();
    });
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
    this.path = [start];
    this.losses = [reducedCost(snapshot, this.currentSettings)];
    this.latest = snapshot;
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const run = this.queue.then(operation).finally(() => this.notify());
    // A failed operation must not block the ones after it; its caller sees the rejection.
    this.queue = run.catch(() => undefined);
    return run;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

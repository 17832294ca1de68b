/**
 * The WebGPU engine: training, cost surface and probability grid in WGSL.
 * It keeps a CPU mirror of what the GPU holds (data, parameters, step count,
 * options), updated only when an operation has completed, so a lost device
 * is replaced and restored transparently and the interrupted operation is
 * simply run again from the same state: the weights continue exactly.
 */

import {
  checkKeeping,
  checkRace,
  checkTrainSteps,
  type Engine,
  type EngineOptions,
  type GridSpec,
  INITIAL_OPTIONS,
  type RacerResult,
  racerSettings,
  type Snapshot,
  type SurfacePart,
  type TrainExtras,
  type TrainResult,
} from '../contract/engine';
import type { AdapterSummary } from '../gpu/adapter';
import { DeviceResources } from '../gpu/device-resources';
import {
  candidateWorkgroups,
  MEASURE_FROM_N,
  measureWorkgroups,
  smallNWorkgroups,
  type Tuning,
  TuningCache,
} from '../gpu/dispatch-tuner';
import { checkedSubmit, GpuOperationError } from '../gpu/error-scopes';
import { type FusedChoice, takesFusedPath } from '../gpu/fused-path';
import { requiredLimits } from '../gpu/gpu-context';
import { sampleStorageBytes } from '../gpu/sample-buffers';
import { type ReductionPath, trainWorkgroupSize } from '../gpu/shader-sources';
import { optionsRule, type RacerRule } from '../gpu/train-kernel';
import { summaryOf } from '../model/data-summary';
import type { Dataset } from '../model/dataset';
import type { SampleChange } from '../model/edit';
import { DEFAULT_OPTIMIZER, initialOptimizerState, type OptimizerState } from '../model/optimizers';
import type { Racer } from '../model/race';
import type { Params } from '../model/regression';
import { type ReadbackContext, snapshotOf, trainResultOf } from './gpu-results';

export interface GpuEngineOptions {
  /** Force the plain or subgroup reduction (tests run both); 'auto' uses subgroups when offered. */
  readonly reductionPath?: 'auto' | ReductionPath;
  /** A fixed number of partial-sum workgroups; measured per adapter when absent. */
  readonly workgroups?: number;
  /**
   * The fused kernel for small data (many steps a dispatch): 'auto' (the
   * default) by adapter and size, 1 or 64 invocations forced, or 'off' for
   * two dispatches a step (tests run each; src/gpu/fused-path.ts).
   */
  readonly fused?: FusedChoice;
  /** A WebGPU validation or out-of-memory error nobody caught: the page shows it. */
  readonly onError?: (message: string) => void;
  /**
   * The engine was rebuilt, data and weights restored: after its device was
   * lost ('lost'), or after an operation the device refused ('failed').
   */
  readonly onRecovered?: (reason: string, cause: RecoveryCause) => void;
}

/** Why the engine had to be rebuilt from its CPU mirror. */
export type RecoveryCause = 'lost' | 'failed';

/** A racer's rule as the kernels take it. */
function racerRule(racer: Racer, options: EngineOptions): RacerRule {
  const { optimizer, momentum } = racerSettings(racer, options);
  return { optimizer, learningRate: racer.learningRate, momentum };
}

/** Devices tried at the start before giving up, when each is lost as soon as it is made. */
const START_ATTEMPTS = 3;

const tuningCache = new TuningCache();
/** Timed steps per candidate when measuring the workgroup count. */
const TUNING_STEPS = 3;

export class GpuEngine implements Engine {
  readonly kind = 'gpu' as const;
  private resources: DeviceResources;
  /** Set when the GPU can no longer be trusted: the next operation rebuilds from the mirror first. */
  private broken: { readonly reason: string; readonly cause: RecoveryCause } | undefined;
  private destroyed = false;
  private data: Dataset = { points: new Float64Array(0), targets: new Uint8Array(0) };
  private params: Params = { w: INITIAL_OPTIONS.features.map(() => 0), b: 0 };
  private options: EngineOptions = INITIAL_OPTIONS;
  private step = 0;
  private optimizerState: OptimizerState = initialOptimizerState(INITIAL_OPTIONS.features.length);
  private currentTuning: Tuning = { workgroups: 1, trials: [], source: 'small-n rule' };
  /** Samples with t = 1 in `data`: with the GPU's true-positive and true-negative counts, the confusion matrix. */
  private positives = 0;
  private lostDevicesReplaced = 0;

  private constructor(
    resources: DeviceResources,
    private readonly settings: GpuEngineOptions,
  ) {
    this.resources = resources;
  }

  /**
   * An engine on the page's shared device. A device lost as soon as it is
   * made (a crashing GPU process, a driver reset) is replaced; if that keeps
   * happening the start fails, so that the page computes on the CPU instead.
   */
  static async create(settings: GpuEngineOptions = {}): Promise<GpuEngine> {
    let reason = '';
    for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      let engine: GpuEngine | undefined;
      let lostAtStart: string | undefined;
      const callbacks = {
        onUncapturedError: (message: string) => settings.onError?.(message),
        onLost: (device: GPUDevice, info: GPUDeviceLostInfo) => {
          if (engine) engine.deviceLost(device, info);
          else lostAtStart = info.message || info.reason;
        },
      };
      let resources: DeviceResources | undefined;
      try {
        resources = await DeviceResources.create(0, settings.reductionPath ?? 'auto', callbacks, settings.fused);
        // Let a loss at creation show (device.lost settles after the queue drains) before trusting it.
        await resources.device.queue.onSubmittedWorkDone();
        await new Promise((resolve) => setTimeout(resolve, 0));
      } catch (error) {
        if (lostAtStart === undefined) throw error;
      }
      if (resources && lostAtStart === undefined) {
        engine = new GpuEngine(resources, settings);
        return engine;
      }
      resources?.destroy();
      reason = lostAtStart ?? 'lost';
    }
    throw new Error(`its GPU device was lost as soon as it was made, ${START_ATTEMPTS} times (${reason})`);
  }

  /** How many times a lost device has been replaced. */
  get recoveries(): number {
    return this.lostDevicesReplaced;
  }

  get adapter(): AdapterSummary {
    return this.resources.context.summary;
  }

  /** The device in use: exposed so tests can destroy it and watch recovery. */
  get device(): GPUDevice {
    return this.resources.device;
  }

  get reductionPath(): ReductionPath {
    return this.resources.pipelines.path;
  }

  /** How the partial-sum dispatch size was chosen for the current data. */
  get tuning(): Tuning {
    return this.currentTuning;
  }

  /**
   * Data too large for the fused kernel train by two passes a step, whose
   * pipelines compile on first use (2–3 s on a CPU adapter): begun on the
   * hint, they compile while the points are drawn. A failure here is met
   * again where the pipelines are awaited.
   */
  expectData(n: number): void {
    if (!takesFusedPath(n, this.settings.fused ?? 'auto')) {
      this.resources.pipelines.stepwise().catch(() => undefined);
    }
  }

  async setData(data: Dataset): Promise<void> {
    await this.upload(data, async (res) => {
      this.writeStateTo(res, 0);
      // New data restart the mini-batch schedule: the step counter goes back to 0.
      this.currentTuning = await this.chooseWorkgroups(res, data.targets.length, 0);
    });
    this.step = 0;
  }

  /**
   * Edited data: a few bytes written where they fit in the buffers' spare
   * room, a new upload only when they outgrow it. Parameters, step counter
   * and dispatch size stay.
   */
  async applyEdit(data: Dataset, change: SampleChange): Promise<void> {
    const edited = await this.guarded(async (res) => res.kernels.samples.edit(data, change));
    if (!edited) await this.upload(data, async (res) => this.writeStateTo(res, this.step));
    else this.mirror(data);
  }

  /** Uploads all of `data`; `then` runs on the same device before the mirror takes them. */
  private async upload(data: Dataset, then: (res: DeviceResources) => Promise<void>): Promise<void> {
    const bytes = sampleStorageBytes(data.targets.length);
    // Throws GpuCapacityError, naming the limit, before anything changes.
    requiredLimits(this.resources.context.adapter, bytes);
    // Begun now, if no one said earlier: the compile runs beside the upload instead of after it.
    this.expectData(data.targets.length);
    try {
      await this.guarded(async (res) => {
        if (bytes > res.context.maxStorageBytes) {
          // This device was made with the default limits: make one with the adapter's higher ones.
          res = await this.rebuild(data.targets.length);
        }
        await res.upload(data);
        await then(res);
        await res.device.queue.onSubmittedWorkDone();
      });
    } catch (error) {
      // The GPU may hold part of the new data: rebuild from the mirror (the old data) before the next use.
      this.broken ??= { reason: `a data load failed: ${(error as Error).message}`, cause: 'failed' };
      throw error;
    }
    this.mirror(data);
  }

  private mirror(data: Dataset): void {
    this.data = data;
    this.positives = summaryOf(data).ones;
  }

  /**
   * What the model was when the last call ended with a snapshot: the next
   * call may start from that snapshot's sums while nothing of it has changed
   * (new parameters, options or data are new objects here, never edited in place).
   */
  private snapshotTakenAt: { params: Params; options: EngineOptions; data: Dataset; device: GPUDevice } | undefined;

  private snapshotKey() {
    return { params: this.params, options: this.options, data: this.data, device: this.resources.device };
  }

  private unchangedSinceSnapshot(): boolean {
    const at = this.snapshotTakenAt;
    const now = this.snapshotKey();
    return (
      at !== undefined &&
      at.params === now.params &&
      at.options === now.options &&
      at.data === now.data &&
      at.device === now.device
    );
  }

  setParams(params: Params, optimizer: OptimizerState = initialOptimizerState(params.w.length)): void {
    this.params = params;
    this.optimizerState = optimizer;
    this.step = 0;
    this.writeState();
  }

  setOptions(options: EngineOptions): void {
    const moved = options.features.join() !== this.options.features.join();
    this.options = options;
    // The weights sit in their features' slots: new features move them (setOptions and setParams come in
    // either order, and each writes once the two agree on the width).
    if (moved) this.writeState();
  }

  /** The parameters to the GPU, once they have one weight per feature (until then a setParams is on its way). */
  private writeState(): void {
    if (this.broken || this.params.w.length !== this.options.features.length) return;
    this.writeStateTo(this.resources, this.step);
  }

  /** The mirror's parameters and optimiser's state, with step counter `step`, to a device's state buffer. */
  private writeStateTo(res: DeviceResources, step: number): void {
    res.state.write(this.params, step, this.options.features, this.optimizerState);
  }

  train(steps: number, extras: TrainExtras = {}): Promise<TrainResult> {
    return this.trainSteps(steps, true, extras) as Promise<TrainResult>;
  }

  /**
   * Runs `steps` steps in one submit, of the model and of the racers beside
   * it (every step one dispatch for all of them), with the probability grid,
   * if asked, in the same submit: one wait. Without the snapshot it skips the
   * final full-data pass and returns no `final` (the benchmark's per-step
   * baseline).
   */
  async trainSteps(
    steps: number,
    withSnapshot: boolean,
    extras: TrainExtras = {},
  ): Promise<TrainResult | Omit<TrainResult, 'final'>> {
    const { probabilityGrid, race = [], keep, limits } = extras;
    checkTrainSteps(steps);
    checkRace(race);
    checkKeeping(keep);
    for (const entry of race) checkKeeping(entry.keep);
    const rules = [
      { ...optionsRule(this.options), ...(keep ? { keep } : {}) },
      ...race.map((entry) => ({
        ...racerRule(entry.racer, this.options),
        ...(entry.keep ? { keep: entry.keep } : {}),
      })),
    ];
    const firstStep = this.step;
    const { probabilities, racers } = await this.guarded(async (res) => {
      const { train } = res.kernels;
      // Compiled (on first use) before the submit: the encoding inside the error scopes must not wait.
      await train.prepare(rules);
      return checkedSubmit(res.device, `${steps} training steps`, async () => {
        for (const [k, entry] of race.entries()) {
          res.state.write(entry.params, firstStep, this.options.features, entry.optimizer, k + 1);
        }
        const encoder = res.device.createCommandEncoder({ label: `train ${steps} steps` });
        train.encode(
          encoder,
          steps,
          this.options,
          firstStep,
          this.currentTuning.workgroups,
          withSnapshot,
          rules,
          this.unchangedSinceSnapshot(),
          limits,
        );
        if (probabilityGrid) res.probability.encodeAfter(encoder, probabilityGrid, this.options.features);
        res.device.queue.submit([encoder.finish()]);
        const [records, grid] = await Promise.all([
          train.read(steps, withSnapshot),
          probabilityGrid ? res.probability.read(probabilityGrid) : undefined,
        ]);
        return { racers: records, probabilities: grid };
      });
    });
    const [model, ...others] = racers;
    if (!model) throw new Error('train: nothing read back');
    const context = this.readbackContext();
    const own = trainResultOf(model, this.params, firstStep, keep, context);
    this.step += own.taken;
    this.params = model.taken > 0 ? model.state.params : this.params;
    this.optimizerState = model.state.optimizer;
    // The GPU holds a refusal or a stop until the state is written again: the mirror, which is where it stopped.
    const stopped = model.state.stopped !== undefined;
    if (stopped) this.writeState();
    this.snapshotTakenAt = withSnapshot && !stopped ? this.snapshotKey() : undefined;
    const beside = others.map((r, k) => trainResultOf(r, race[k]!.params, firstStep, race[k]!.keep, context));
    return {
      ...own,
      ...(race.length > 0 ? { race: beside as RacerResult[] } : {}),
      ...(probabilities ? { probabilities } : {}),
    };
  }

  async snapshot(): Promise<Snapshot> {
    const out = await this.guarded(async (res) => {
      const { train } = res.kernels;
      await train.prepare();
      return checkedSubmit(res.device, 'the evaluation of the model', async () => {
        const encoder = res.device.createCommandEncoder({ label: 'snapshot' });
        train.encode(encoder, 0, this.options, this.step, this.currentTuning.workgroups, true);
        res.device.queue.submit([encoder.finish()]);
        return train.read(0, true);
      });
    });
    this.snapshotTakenAt = this.snapshotKey();
    const snapshot = out[0]?.snapshot;
    if (!snapshot) throw new Error('snapshot: nothing read back');
    return snapshotOf(snapshot, this.readbackContext());
  }

  costSurface(grid: GridSpec, part?: SurfacePart): Promise<Float32Array> {
    return this.guarded((res) => res.kernels.surface.compute(grid, this.options, this.params, part));
  }

  probabilityGrid(grid: GridSpec, at?: Params): Promise<Float32Array> {
    return this.guarded(async (res) => {
      if (!at) return res.probability.compute(grid, this.options.features);
      // Racer 1's slot: between train calls it is free (each call writes its racers' from the session).
      res.state.write(at, this.step, this.options.features, undefined, 1);
      return res.probability.compute(grid, this.options.features, 1);
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.resources.destroy();
  }

  /** What the readbacks are read with: the data's size and class-1 count, the penalty and the batches. */
  private readbackContext(): ReadbackContext {
    const { l2, batchSize } = this.options;
    return { n: this.data.targets.length, positives: this.positives, l2, batchSize };
  }

  private deviceLost(device: GPUDevice, info: GPUDeviceLostInfo): void {
    if (this.destroyed || device !== this.resources.device) return;
    this.broken = { reason: info.message || info.reason, cause: 'lost' };
  }

  /**
   * Runs a GPU operation; if the device is lost meanwhile, rebuilds, restores
   * and runs it again. An operation the device refused is not tried again:
   * it fails, and the next operation first rebuilds the engine from the mirror.
   */
  private async guarded<T>(operation: (res: DeviceResources) => Promise<T>): Promise<T> {
    if (this.destroyed) throw new Error('This GPU engine has been destroyed');
    for (let attempt = 0; ; attempt++) {
      if (this.broken !== undefined) await this.restore();
      const res = this.resources;
      try {
        return await operation(res);
      } catch (error) {
        if (error instanceof GpuOperationError) {
          this.broken ??= { reason: error.message, cause: 'failed' };
          throw error;
        }
        if (attempt >= 2 || !(await this.wasLost(res))) throw error;
      }
    }
  }

  /** After a failure: was it the device going away? Its `lost` promise settles shortly after. */
  private async wasLost(res: DeviceResources): Promise<boolean> {
    if (this.broken !== undefined) return true;
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 500));
    const info = await Promise.race([res.device.lost, timeout]);
    if (info && this.broken === undefined) this.broken = { reason: info.message || info.reason, cause: 'lost' };
    return info !== undefined;
  }

  /** A new device with the mirror's data, parameters and step counter. */
  private async restore(): Promise<void> {
    const { reason, cause } = this.broken ?? { reason: 'device lost', cause: 'lost' };
    const res = await this.rebuild(this.data.targets.length);
    if (this.data.targets.length > 0) {
      await res.upload(this.data);
      this.currentTuning = await this.chooseWorkgroups(res, this.data.targets.length, this.step);
    }
    this.writeStateTo(res, this.step);
    this.lostDevicesReplaced++;
    this.settings.onRecovered?.(reason, cause);
  }

  private async rebuild(n: number): Promise<DeviceResources> {
    const old = this.resources;
    const path = this.settings.reductionPath ?? 'auto';
    this.resources = await DeviceResources.create(
      n,
      path,
      {
        onUncapturedError: (message) => this.settings.onError?.(message),
        onLost: (device, info) => this.deviceLost(device, info),
      },
      this.settings.fused,
    );
    this.broken = undefined;
    // The old device's buffers go explicitly; the device itself may already be gone.
    old.destroy();
    return this.resources;
  }

  /**
   * Picks the partial-sum dispatch size for n samples. Measuring runs steps, so
   * afterwards the GPU gets the mirror's parameters back, with step counter `step`.
   */
  private async chooseWorkgroups(res: DeviceResources, n: number, step: number): Promise<Tuning> {
    if (this.settings.workgroups !== undefined)
      return { workgroups: this.settings.workgroups, trials: [], source: 'fixed' };
    if (n < MEASURE_FROM_N) return { workgroups: smallNWorkgroups(n), trials: [], source: 'small-n rule' };
    const summary = res.context.summary;
    const key = tuningCache.key(
      `${summary.vendor}/${summary.architecture}/${summary.description}`,
      res.pipelines.path,
      n,
    );
    const cached = tuningCache.get(key);
    if (cached) return cached;
    const limit = res.device.limits.maxComputeWorkgroupsPerDimension;
    const candidates = candidateWorkgroups(n, limit, trainWorkgroupSize(res.pipelines.path));
    const tuning = await measureWorkgroups(candidates, (w) => this.timeSteps(res, w));
    tuningCache.set(key, tuning);
    this.writeStateTo(res, step);
    return tuning;
  }

  /** Wall-clock ms per step of TUNING_STEPS steps in one submit, after one warm-up step. */
  private async timeSteps(res: DeviceResources, workgroups: number): Promise<number> {
    const { train } = res.kernels;
    // Timed by gradient descent: the dispatch size is the gradient pass's, whatever the optimiser.
    const options = { ...this.options, optimizer: DEFAULT_OPTIMIZER };
    // Tuned sizes take the two-dispatch path, whose pipelines compile on first use.
    await train.prepare();
    const run = async (steps: number) => {
      this.writeStateTo(res, 0);
      const encoder = res.device.createCommandEncoder({ label: `tune ${workgroups} workgroups` });
      train.encode(encoder, steps, options, 0, workgroups, false);
      res.device.queue.submit([encoder.finish()]);
      await res.device.queue.onSubmittedWorkDone();
    };
    await run(1);
    const start = performance.now();
    await run(TUNING_STEPS);
    return (performance.now() - start) / TUNING_STEPS;
  }
}

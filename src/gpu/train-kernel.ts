/**
 * Training on the GPU. A step is two dispatches: per-workgroup partial sums
 * (train-partials.wgsl; its `newton` entry point adds the Hessian's), then
 * one workgroup that adds them, takes the optimiser's step and records it
 * (train-update.wgsl). Any number of steps go into one compute pass,
 * optionally followed by a full-data snapshot, then a single copy of the
 * records, the snapshot and the state to a staging buffer: one readback per
 * submit. Small data take the fused kernel instead (train-fused.wgsl, chosen
 * by fused-path.ts): many steps and the snapshot in one dispatch, into the
 * same records, snapshot and state, which train-records.ts reads.
 */
import { getSizeAndAlignmentOfUnsizedArrayElement, makeStructuredView, type StructuredView } from 'webgpu-utils';
import {
  checkTrainSteps,
  type EngineOptions,
  INITIAL_OPTIONS,
  type Keeping,
  keptCount,
  MAX_TRAIN_STEPS,
  type RunLimits,
} from '../contract/engine';
import type { Feature } from '../model/features';
import { DEFAULT_OPTIMIZER, OPTIMIZERS, type Optimizer } from '../model/optimizers';
import { MAX_RACERS } from '../model/race';
import { decisionLogit } from '../model/regression';
import { isMiniBatch, SHUFFLE_SEED, shuffleDomain } from '../model/shuffle';
import { featureMask } from './feature-slots';
import { type FusedChoice, fusedDispatchSteps, fusedInvocations, fusedVariant } from './fused-path';
import type { ParamState, StateRecord } from './param-state';
import type { NewtonPipelines, Pipelines, StepwisePipelines } from './pipelines';
import { Readback } from './readback';
import type { SampleBuffers } from './sample-buffers';
import { definition, type SnapshotRecord, type StepRecord, TrainRecords } from './train-records';

/** What one racer's steps recorded in a submit. */
export interface TrainReadback {
  /** Steps taken: fewer than asked for when a Newton step was refused or a limit reached. */
  readonly taken: number;
  /**
   * A record a step taken, or with the racer's `keep` one a kept step inside the submit (before its last),
   * where it ended and measured there: the cost and count the next step started from.
   */
  readonly steps: StepRecord[];
  readonly snapshot: SnapshotRecord | undefined;
  readonly state: StateRecord;
}

/** A racer's rule as the update kernel reads it (struct Rule). */
export interface RacerRule {
  readonly optimizer: Optimizer;
  readonly learningRate: number;
  readonly momentum: number;
  /** Which steps' records it keeps: every step's when absent. */
  readonly keep?: Keeping;
}

/** The rule of the model the options describe (racer 0). */
export function optionsRule(options: EngineOptions): RacerRule {
  const o = options.optimizer ?? DEFAULT_OPTIMIZER;
  return { optimizer: o.optimizer, learningRate: options.learningRate, momentum: o.momentum };
}

/** Partials per workgroup: the gradient's, and the four of the Hessian's twelve columns (Newton's method). */
const PARTIALS_PER_WORKGROUP = 5;

export class TrainKernel {
  private readonly trainConfig: GPUBuffer;
  private readonly snapshotConfig: GPUBuffer;
  private readonly configView: StructuredView;
  private readonly snapshotOut: GPUBuffer;
  private readonly rules: GPUBuffer;
  private readonly ruleView: StructuredView;
  private readonly readback: Readback;
  private readonly partialStride: number;
  /** The layouts of the records the kernels write, and their reading. */
  private readonly records: TrainRecords;
  private readonly ruleStride: number;
  /** Racers in the last encoded submit (1 without a race). */
  private racers = 1;
  /** Where the last two-pass snapshot of the model alone left its full-data sums (see encode). */
  private snapshotSums: { readonly buffer: GPUBuffer; readonly workgroups: number } | undefined;
  /** The features of the model the last encode trained: which slots a readback keeps, in which order. */
  private features: readonly Feature[] = INITIAL_OPTIONS.features;
  /** The step counter's value when the last encoded submit began: how many steps a refused one took. */
  private firstStep = 0;
  /** The last encoded submit's racers' keepings (undefined: every step), and records per racer. */
  private keeps: readonly (Keeping | undefined)[] = [];
  private recordSlots = 0;
  /** The last encoded submit's limits, if it stops at them. */
  private limits: RunLimits | undefined;
  private partials: GPUBuffer | undefined;
  private history: GPUBuffer | undefined;
  private bindGroups:
    | { partialsTrain: GPUBindGroup; partialsSnapshot: GPUBindGroup; update: GPUBindGroup; snapshot: GPUBindGroup }
    | undefined;
  /** The two-dispatch path's pipelines once `prepare` has them (larger data). */
  private stepwise: StepwisePipelines | undefined;
  /** Newton's pipelines once `prepare` has them, and their bind groups for the current buffers. */
  private newton: NewtonPipelines | undefined;
  private newtonGroups: { partials: GPUBindGroup; update: GPUBindGroup } | undefined;
  /** The fused kernel's pipelines `prepare` made ready, by invocations and Newton's, and their bind groups. */
  private readonly fusedPipelines = new Map<string, GPUComputePipeline>();
  private readonly fusedGroups = new Map<GPUComputePipeline, GPUBindGroup>();

  constructor(
    private readonly device: GPUDevice,
    private readonly pipelines: Pipelines,
    private readonly samples: SampleBuffers,
    private readonly state: ParamState,
    /** Whether the adapter is a CPU's (a software fallback): it changes what the fused kernel does best. */
    private readonly cpuAdapter = false,
    private readonly fusedChoice: FusedChoice = 'auto',
  ) {
    const defs = pipelines.defs;
    this.configView = makeStructuredView(definition(defs.partials.uniforms.config, 'TrainConfig'));
    this.partialStride = getSizeAndAlignmentOfUnsizedArrayElement(
      definition(defs.partials.storages.partials, 'partials'),
    ).size;
    this.records = new TrainRecords(defs);
    const rules = definition(defs.update.storages.rules, 'rules');
    this.ruleStride = getSizeAndAlignmentOfUnsizedArrayElement(rules).size;
    this.ruleView = makeStructuredView(definition(defs.update.structs.Rule, 'struct Rule'));
    const configSize = this.configView.arrayBuffer.byteLength;
    const uniform = GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST;
    this.trainConfig = device.createBuffer({ label: 'train config (steps)', size: configSize, usage: uniform });
    this.snapshotConfig = device.createBuffer({ label: 'train config (snapshot)', size: configSize, usage: uniform });
    this.snapshotOut = device.createBuffer({
      label: 'train snapshots',
      size: this.records.snapshotStride * MAX_RACERS,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    });
    this.rules = device.createBuffer({
      label: 'racers’ rules',
      size: this.ruleStride * MAX_RACERS,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    });
    this.readback = new Readback(device, 'train results');
  }

  /**
   * Makes ready what `encode` needs for these rules, compiled on first use:
   * the fused kernel for small data, the two-dispatch path (and Newton's
   * pipelines, for Newton's racers) for the others. Every `encode` needs it
   * first, for the data and rules it encodes.
   */
  async prepare(rules: readonly RacerRule[] = []): Promise<void> {
    const newton = rules.some((r) => r.optimizer === 'newton');
    const invocations = this.fusedInvocations();
    if (invocations > 0) {
      const key = fusedVariant(invocations, newton);
      if (!this.fusedPipelines.has(key)) {
        this.fusedPipelines.set(key, await this.pipelines.fused(invocations, newton));
      }
      return;
    }
    this.stepwise ??= await this.pipelines.stepwise();
    if (newton) this.newton ??= await this.pipelines.newton();
  }

  private fusedInvocations(): number {
    return fusedInvocations(this.samples.n, this.cpuAdapter, this.fusedChoice);
  }

  /**
   * Encodes `steps` steps of each racer (racer k by `rules[k]`; racer 0 is
   * the page's model), every step one dispatch of workgroups × racers and
   * one of the racers' updates, then (if asked) a full-data snapshot of each
   * at its final parameters, then the copy of their records and states.
   * `firstStep` is the step counter's value on the GPU when this runs.
   * Newton's method needs `prepare` first.
   *
   * `unchangedSinceSnapshot`: the caller says that the model's parameters,
   * options and data are as the last call left them, and that call ended
   * with a snapshot. Its partial sums over all the data at those parameters
   * are then still in the partials buffer, and a full-batch first-order
   * step of the model alone starts from them instead of summing them again:
   * a chunk on large data costs one pass a step, not one more for its snapshot.
   *
   * `limits`: each racer stops at them (RunLimits), in the kernel; its later steps are not taken.
   */
  encode(
    encoder: GPUCommandEncoder,
    steps: number,
    options: EngineOptions,
    firstStep: number,
    workgroups: number,
    withSnapshot: boolean,
    rules: readonly RacerRule[] = [optionsRule(options)],
    unchangedSinceSnapshot = false,
    limits?: RunLimits,
  ): void {
    // The history buffer holds one record a step: a bounded number of steps keeps it far below any binding limit.
    checkTrainSteps(steps);
    if (rules.length < 1 || rules.length > MAX_RACERS)
      throw new RangeError(`1 to ${MAX_RACERS} racers, not ${rules.length}`);
    const racers = rules.length;
    this.racers = racers;
    // Read before reserve(), which may make a new (empty) partials buffer.
    const kept = this.snapshotSums;
    this.snapshotSums = undefined;
    this.reserve(workgroups, steps, racers);
    this.features = options.features;
    this.firstStep = firstStep;
    this.limits = limits;
    this.keeps = rules.map((r) => r.keep);
    // A kept record is written where its step ended: as many slots as the keeping that keeps the most.
    this.recordSlots = Math.max(...rules.map((r) => (r.keep ? keptCount(r.keep, steps) : steps)));
    // Steps by Newton's method need the Hessian's sums; a snapshot alone (no steps) never does.
    const newton = steps > 0 && rules.some((r) => r.optimizer === 'newton');
    const invocations = this.fusedInvocations();
    // A snapshot or first-order steps run as well in Newton's pipeline, if that is the one prepared.
    const fused =
      invocations > 0
        ? (this.fusedPipelines.get(fusedVariant(invocations, newton)) ??
          this.fusedPipelines.get(fusedVariant(invocations, true)))
        : undefined;
    if (fused) {
      this.encodeFused(encoder, fused, invocations, steps, options, firstStep, withSnapshot, rules);
      return;
    }
    const stepwise = this.stepwise;
    if (!stepwise) throw new Error('train kernel: the two-dispatch path is not prepared');
    this.bindGroups ??= this.makeBindGroups(stepwise);
    const groups = this.bindGroups;
    this.writeConfig(this.trainConfig, options, options.batchSize, firstStep, workgroups, steps);
    if (withSnapshot) this.writeConfig(this.snapshotConfig, options, 0, firstStep, workgroups, steps);
    this.writeRules(rules);
    const step = newton
      ? { pipelines: this.newtonPipelines(), groups: this.newtonBindGroups() }
      : {
          pipelines: stepwise,
          groups: { partials: groups.partialsTrain, update: groups.update },
        };

    const pass = encoder.beginComputePass({ label: `train ${steps} steps` });
    // Each pass reads what the one before wrote: WebGPU orders dispatches within a pass.
    const twoPasses = (
      pipeline: GPUComputePipeline,
      partials: GPUBindGroup,
      finish: GPUComputePipeline,
      finishGroup: GPUBindGroup,
    ) => {
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, partials);
      pass.dispatchWorkgroups(workgroups, racers);
      pass.setPipeline(finish);
      pass.setBindGroup(0, finishGroup);
      pass.dispatchWorkgroups(1, racers);
    };
    const reuse =
      unchangedSinceSnapshot &&
      !newton &&
      racers === 1 &&
      !isMiniBatch(options.batchSize, this.samples.n) &&
      kept !== undefined &&
      kept.buffer === this.partials &&
      kept.workgroups === workgroups;
    for (let s = 0; s < steps; s++) {
      if (s === 0 && reuse) {
        pass.setPipeline(step.pipelines.update);
        pass.setBindGroup(0, step.groups.update);
        pass.dispatchWorkgroups(1, racers);
        continue;
      }
      twoPasses(step.pipelines.partials, step.groups.partials, step.pipelines.update, step.groups.update);
    }
    if (withSnapshot) {
      twoPasses(stepwise.partials, groups.partialsSnapshot, stepwise.snapshot, groups.snapshot);
      // Left in the partials buffer: the full-data sums at the final parameters, for the next call's first step.
      if (racers === 1 && this.partials) this.snapshotSums = { buffer: this.partials, workgroups };
    }
    pass.end();
    this.encodeCopies(encoder, steps, withSnapshot);
  }

  /** Steps and snapshot by the fused kernel: as many dispatches as keep each one short, all in one pass. */
  private encodeFused(
    encoder: GPUCommandEncoder,
    pipeline: GPUComputePipeline,
    invocations: number,
    steps: number,
    options: EngineOptions,
    firstStep: number,
    withSnapshot: boolean,
    rules: readonly RacerRule[],
  ): void {
    const n = this.samples.n;
    const batch = isMiniBatch(options.batchSize, n) ? options.batchSize : n;
    const perDispatch = fusedDispatchSteps(batch, invocations);
    this.writeConfig(this.trainConfig, options, options.batchSize, firstStep, 1, steps, {
      dispatchSteps: perDispatch,
      withSnapshot,
    });
    this.writeRules(rules);
    const dispatches = steps > 0 ? Math.ceil(steps / perDispatch) : withSnapshot ? 1 : 0;
    const pass = encoder.beginComputePass({ label: `train ${steps} steps (fused)` });
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, this.fusedGroup(pipeline));
    for (let d = 0; d < dispatches; d++) pass.dispatchWorkgroups(1, this.racers);
    pass.end();
    this.encodeCopies(encoder, steps, withSnapshot);
  }

  private fusedGroup(pipeline: GPUComputePipeline): GPUBindGroup {
    let group = this.fusedGroups.get(pipeline);
    if (!group) {
      const { samples, state } = this;
      const buffers = [
        this.trainConfig,
        samples.points,
        samples.labels,
        state.buffer,
        this.history,
        this.snapshotOut,
        this.rules,
      ];
      group = this.device.createBindGroup({
        label: 'train fused',
        layout: pipeline.getBindGroupLayout(0),
        entries: buffers.map((buffer, binding) => {
          if (!buffer) throw new Error('train kernel: history missing');
          return { binding, resource: { buffer } };
        }),
      });
      this.fusedGroups.set(pipeline, group);
    }
    return group;
  }

  /** The copy of the records, the snapshots and the states into the readback: one per submit, either path. */
  private encodeCopies(encoder: GPUCommandEncoder, steps: number, withSnapshot: boolean): void {
    const { historyBytes, snapshotBytes, stateBytes, capacity } = this.layout(steps, withSnapshot);
    if (steps > 0 && this.history) this.readback.copy(encoder, this.history, 0, 0, historyBytes, capacity);
    if (withSnapshot) this.readback.copy(encoder, this.snapshotOut, 0, historyBytes, snapshotBytes, capacity);
    this.readback.copy(encoder, this.state.buffer, 0, historyBytes + snapshotBytes, stateBytes, capacity);
  }

  /** Where the records, the snapshots and the states of the last encoded racers lie in a readback. */
  private layout(steps: number, withSnapshot: boolean) {
    const historyBytes = (steps > 0 ? this.recordSlots : 0) * this.records.historyStride * this.racers;
    const snapshotBytes = withSnapshot ? this.records.snapshotStride * this.racers : 0;
    const stateBytes = this.state.stride * this.racers;
    return { historyBytes, snapshotBytes, stateBytes, capacity: historyBytes + snapshotBytes + stateBytes };
  }

  private newtonPipelines(): NewtonPipelines {
    if (!this.newton) throw new Error('train kernel: Newton’s pipelines are not prepared');
    return this.newton;
  }

  private newtonBindGroups(): { partials: GPUBindGroup; update: GPUBindGroup } {
    if (!this.newtonGroups) {
      const { partials, update } = this.newtonPipelines();
      this.newtonGroups = {
        partials: this.partialsGroup('train partials (Newton)', partials, this.trainConfig, true),
        update: this.updateGroup('train update (Newton)', update),
      };
    }
    return this.newtonGroups;
  }

  /** Reads what the last submitted `encode` recorded. */
  async read(steps: number, withSnapshot: boolean): Promise<TrainReadback[]> {
    const { historyBytes, snapshotBytes, capacity } = this.layout(steps, withSnapshot);
    const bytes = await this.readback.read(capacity);
    const states = bytes.slice(historyBytes + snapshotBytes);
    return Array.from({ length: this.racers }, (_, racer) => {
      const state = this.state.read(states, this.features, racer);
      // A refused step or a limit ends the racer's submit: its records past it were never written.
      const taken = state.stopped === undefined ? steps : state.step - this.firstStep;
      const keep = this.keeps[racer];
      // Kept records are of the steps before the last: the last one's end is the state, and the snapshot.
      const count = keep ? keptCount(keep, taken - 1) : taken;
      const offset = racer * this.recordSlots * this.records.historyStride;
      const records = count > 0 ? this.records.steps(bytes, offset, count, this.features) : [];
      const snapshot = withSnapshot
        ? this.records.snapshot(bytes, historyBytes + racer * this.records.snapshotStride, this.features)
        : undefined;
      return { taken, steps: records, snapshot, state };
    });
  }

  destroy(): void {
    this.trainConfig.destroy();
    this.snapshotConfig.destroy();
    this.snapshotOut.destroy();
    this.rules.destroy();
    this.partials?.destroy();
    this.history?.destroy();
    this.readback.destroy();
  }

  private writeConfig(
    buffer: GPUBuffer,
    options: EngineOptions,
    batchSize: number,
    firstStep: number,
    workgroups: number,
    steps: number,
    fused: { readonly dispatchSteps: number; readonly withSnapshot: boolean } = {
      dispatchSteps: 0,
      withSnapshot: false,
    },
  ): void {
    const n = this.samples.n;
    const optimizer = options.optimizer ?? DEFAULT_OPTIMIZER;
    this.configView.set({
      n,
      batch_size: isMiniBatch(batchSize, n) ? batchSize : 0,
      first_step: firstStep,
      shuffle_seed: SHUFFLE_SEED,
      half_bits: shuffleDomain(n).halfBits,
      partial_count: workgroups,
      partial_stride: workgroups * PARTIALS_PER_WORKGROUP,
      history_steps: steps,
      record_slots: this.recordSlots,
      stop_at_limits: this.limits ? 1 : 0,
      weight_limit: this.limits?.weight ?? 0,
      leap_limit: this.limits?.leap ?? 0,
      beta1: optimizer.beta1,
      beta2: optimizer.beta2,
      epsilon: optimizer.epsilon,
      train_bias: options.bias ? 1 : 0,
      mean: options.reduction === 'mean' ? 1 : 0,
      features: featureMask(options.features),
      l2: options.l2,
      decision_logit: decisionLogit(options.threshold),
      dispatch_steps: fused.dispatchSteps,
      with_snapshot: fused.withSnapshot ? 1 : 0,
    });
    this.device.queue.writeBuffer(buffer, 0, this.configView.arrayBuffer);
  }

  /** Each racer's rule, in racer order. */
  private writeRules(rules: readonly RacerRule[]): void {
    const bytes = new Uint8Array(this.ruleStride * rules.length);
    rules.forEach((rule, k) => {
      this.ruleView.set({
        optimizer: OPTIMIZERS.indexOf(rule.optimizer),
        learning_rate: rule.learningRate,
        momentum: rule.momentum,
        keep_stride: rule.keep?.stride ?? 0,
        keep_phase: rule.keep?.phase ?? 0,
      });
      bytes.set(new Uint8Array(this.ruleView.arrayBuffer), k * this.ruleStride);
    });
    this.device.queue.writeBuffer(this.rules, 0, bytes);
  }

  /** Grows the partials and history buffers when needed, and rebuilds the bind groups that name them. */
  private reserve(workgroups: number, steps: number, racers: number): void {
    const partialBytes = Math.max(1, workgroups) * PARTIALS_PER_WORKGROUP * this.partialStride * racers;
    const historyBytes = Math.max(1, steps) * this.records.historyStride * racers;
    let changed = false;
    if (!this.partials || this.partials.size < partialBytes) {
      this.partials?.destroy();
      this.partials = this.device.createBuffer({
        label: `train partials (${workgroups} workgroups)`,
        size: partialBytes,
        usage: GPUBufferUsage.STORAGE,
      });
      changed = true;
    }
    if (!this.history || this.history.size < historyBytes) {
      this.history?.destroy();
      // Grow geometrically so a run of rising step counts does not reallocate every time, up to the most one call takes.
      const size = Math.max(
        historyBytes,
        Math.min((this.history?.size ?? 0) * 2, MAX_TRAIN_STEPS * this.records.historyStride * MAX_RACERS),
      );
      this.history = this.device.createBuffer({
        label: `train history (${size / this.records.historyStride} records)`,
        size,
        usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
      });
      changed = true;
    }
    if (changed) {
      // Made again on first use, naming the new buffers.
      this.bindGroups = undefined;
      this.newtonGroups = undefined;
      this.fusedGroups.clear();
    }
  }

  /** A partials pass's bindings; Newton's reads the racers' rules as well (`rules`). */
  private partialsGroup(label: string, pipeline: GPUComputePipeline, config: GPUBuffer, rules = false): GPUBindGroup {
    const { samples, state } = this;
    const buffers = [
      config,
      samples.points,
      samples.labels,
      state.buffer,
      this.partials,
      ...(rules ? [this.rules] : []),
    ];
    return this.device.createBindGroup({
      label,
      layout: pipeline.getBindGroupLayout(0),
      entries: buffers.map((buffer, binding) => {
        if (!buffer) throw new Error('train kernel: partials missing');
        return { binding, resource: { buffer } };
      }),
    });
  }

  /** An update's bindings: the config, the partials, the states, the history and the rules (no snapshot). */
  private updateGroup(label: string, pipeline: GPUComputePipeline): GPUBindGroup {
    const buffers = [this.trainConfig, this.partials, this.state.buffer, this.history, undefined, this.rules];
    return this.device.createBindGroup({
      label,
      layout: pipeline.getBindGroupLayout(0),
      entries: buffers.flatMap((buffer, binding) => (buffer ? [{ binding, resource: { buffer } }] : [])),
    });
  }

  private makeBindGroups(pipelines: StepwisePipelines) {
    const { device, state, partials } = this;
    if (!partials) throw new Error('train kernel: partials missing');
    // Bindings by number: each entry point binds only what it uses (the update no snapshot, the snapshot no rules).
    const group = (label: string, pipeline: GPUComputePipeline, buffers: Record<number, GPUBuffer>) =>
      device.createBindGroup({
        label,
        layout: pipeline.getBindGroupLayout(0),
        entries: Object.entries(buffers).map(([binding, buffer]) => ({
          binding: Number(binding),
          resource: { buffer },
        })),
      });
    return {
      partialsTrain: this.partialsGroup('train partials (steps)', pipelines.partials, this.trainConfig),
      partialsSnapshot: this.partialsGroup('train partials (snapshot)', pipelines.partials, this.snapshotConfig),
      update: this.updateGroup('train update', pipelines.update),
      snapshot: group('train snapshot', pipelines.snapshot, {
        0: this.snapshotConfig,
        1: partials,
        2: state.buffer,
        4: this.snapshotOut,
      }),
    };
  }
}

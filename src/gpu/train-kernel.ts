/**
 * Training on the GPU. A step is two dispatches: per-workgroup partial sums
 * (train-partials.wgsl; its `newton` entry point adds the Hessian's), then
 * one workgroup that adds them, takes the optimiser's step and records it
 * (train-update.wgsl). Any number of steps go into one compute pass,
 * optionally followed by a full-data snapshot, then a single copy of the
 * records, the snapshot and the state to a staging buffer: one readback per
 * submit.
 */
import { getSizeAndAlignmentOfUnsizedArrayElement, makeStructuredView, type StructuredView } from 'webgpu-utils';
import { checkTrainSteps, type EngineOptions, INITIAL_OPTIONS, MAX_TRAIN_STEPS } from '../contract/engine';
import type { Feature } from '../model/features';
import { DEFAULT_OPTIMIZER, OPTIMIZERS } from '../model/optimizers';
import { decisionLogit } from '../model/regression';
import { isMiniBatch, SHUFFLE_SEED, shuffleDomain } from '../model/shuffle';
import { featureMask, featureSlots, slotWeights } from './feature-slots';
import type { ParamState, StateRecord } from './param-state';
import type { Pipelines } from './pipelines';
import { Readback } from './readback';
import type { SampleBuffers } from './sample-buffers';

/** One step's record as the update kernel writes it. */
export interface StepRecord {
  readonly w: number[];
  readonly b: number;
  /** The data's cost the step started from (scaled to the whole set for a mini-batch), without the penalty. */
  readonly cost: number;
  /** How many samples of its batch were classified right where the step started. */
  readonly correct: number;
}

export interface SnapshotRecord {
  readonly w: number[];
  readonly b: number;
  /** Σ ξ over all samples, without the penalty. */
  readonly sumCost: number;
  readonly truePositive: number;
  readonly trueNegative: number;
  /** The full-data gradient under the reduction, the penalty's λw included. */
  readonly gradient: { readonly w: number[]; readonly b: number };
}

export interface TrainReadback {
  /** The steps taken: fewer than asked for when a Newton step was refused. */
  readonly steps: StepRecord[];
  readonly snapshot: SnapshotRecord | undefined;
  readonly state: StateRecord;
}

/** Partials per workgroup: the gradient's, and the four of the Hessian's twelve columns (Newton's method). */
const PARTIALS_PER_WORKGROUP = 5;

function definition<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`WGSL is missing ${what}`);
  return value;
}

export class TrainKernel {
  private readonly trainConfig: GPUBuffer;
  private readonly snapshotConfig: GPUBuffer;
  private readonly configView: StructuredView;
  private readonly snapshotOut: GPUBuffer;
  private readonly readback: Readback;
  private readonly partialStride: number;
  private readonly historyStride: number;
  /** The features of the model the last encode trained: which slots a readback keeps, in which order. */
  private features: readonly Feature[] = INITIAL_OPTIONS.features;
  /** The step counter's value when the last encoded submit began: how many steps a refused one took. */
  private firstStep = 0;
  private partials: GPUBuffer | undefined;
  private history: GPUBuffer | undefined;
  private bindGroups:
    | { partialsTrain: GPUBindGroup; partialsSnapshot: GPUBindGroup; update: GPUBindGroup; snapshot: GPUBindGroup }
    | undefined;
  /** Newton's partials pipeline once `prepare` has it, and its bind group for the current buffers. */
  private newton: GPUComputePipeline | undefined;
  private newtonGroup: GPUBindGroup | undefined;

  constructor(
    private readonly device: GPUDevice,
    private readonly pipelines: Pipelines,
    private readonly samples: SampleBuffers,
    private readonly state: ParamState,
  ) {
    const defs = pipelines.defs;
    this.configView = makeStructuredView(definition(defs.partials.uniforms.config, 'TrainConfig'));
    this.partialStride = getSizeAndAlignmentOfUnsizedArrayElement(
      definition(defs.partials.storages.partials, 'partials'),
    ).size;
    this.historyStride = getSizeAndAlignmentOfUnsizedArrayElement(
      definition(defs.update.storages.history, 'history'),
    ).size;
    const configSize = this.configView.arrayBuffer.byteLength;
    const uniform = GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST;
    this.trainConfig = device.createBuffer({ label: 'train config (steps)', size: configSize, usage: uniform });
    this.snapshotConfig = device.createBuffer({ label: 'train config (snapshot)', size: configSize, usage: uniform });
    this.snapshotOut = device.createBuffer({
      label: 'train snapshot',
      size: definition(defs.update.storages.snapshot_out, 'snapshot_out').size,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    });
    this.readback = new Readback(device, 'train results');
  }

  /** Makes ready what `encode` needs for these options that is compiled on first use: Newton's pipeline. */
  async prepare(options: EngineOptions): Promise<void> {
    if (options.optimizer?.optimizer === 'newton') this.newton ??= await this.pipelines.newtonPartials();
  }

  /**
   * Encodes `steps` steps of the optimiser, then (if asked) a full-data
   * snapshot at the final parameters, then the copy of their records and of
   * the state. `firstStep` is the step counter's value on the GPU when this
   * runs. Newton's method needs `prepare` first.
   */
  encode(
    encoder: GPUCommandEncoder,
    steps: number,
    options: EngineOptions,
    firstStep: number,
    workgroups: number,
    withSnapshot: boolean,
  ): void {
    // The history buffer holds one record a step: a bounded number of steps keeps it far below any binding limit.
    checkTrainSteps(steps);
    this.reserve(workgroups, steps);
    this.features = options.features;
    this.firstStep = firstStep;
    const groups = this.bindGroups;
    if (!groups) throw new Error('train kernel: bind groups missing');
    this.writeConfig(this.trainConfig, options, options.batchSize, firstStep, workgroups);
    if (withSnapshot) this.writeConfig(this.snapshotConfig, options, 0, firstStep, workgroups);
    const newton = options.optimizer?.optimizer === 'newton';
    const partialsPipeline = newton ? this.newtonPipeline() : this.pipelines.partials;
    const partialsGroup = newton ? this.newtonBindGroup() : groups.partialsTrain;

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
      pass.dispatchWorkgroups(workgroups);
      pass.setPipeline(finish);
      pass.setBindGroup(0, finishGroup);
      pass.dispatchWorkgroups(1);
    };
    for (let s = 0; s < steps; s++) twoPasses(partialsPipeline, partialsGroup, this.pipelines.update, groups.update);
    if (withSnapshot) {
      twoPasses(this.pipelines.partials, groups.partialsSnapshot, this.pipelines.snapshot, groups.snapshot);
    }
    pass.end();

    const { historyBytes, snapshotBytes, capacity } = this.layout(steps, withSnapshot);
    if (steps > 0 && this.history) this.readback.copy(encoder, this.history, 0, 0, historyBytes, capacity);
    if (withSnapshot) this.readback.copy(encoder, this.snapshotOut, 0, historyBytes, snapshotBytes, capacity);
    this.readback.copy(encoder, this.state.buffer, 0, historyBytes + snapshotBytes, this.state.size, capacity);
  }

  /** Where the records, the snapshot and the state lie in a readback. */
  private layout(steps: number, withSnapshot: boolean) {
    const historyBytes = steps * this.historyStride;
    const snapshotBytes = withSnapshot ? this.snapshotOut.size : 0;
    return { historyBytes, snapshotBytes, capacity: historyBytes + snapshotBytes + this.state.size };
  }

  private newtonPipeline(): GPUComputePipeline {
    if (!this.newton) throw new Error('train kernel: Newton’s pipeline is not prepared');
    return this.newton;
  }

  private newtonBindGroup(): GPUBindGroup {
    if (!this.newtonGroup) {
      if (!this.partials) throw new Error('train kernel: partials missing');
      this.newtonGroup = this.partialsGroup('train partials (Newton)', this.newtonPipeline(), this.trainConfig);
    }
    return this.newtonGroup;
  }

  /** Reads what the last submitted `encode` recorded. */
  async read(steps: number, withSnapshot: boolean): Promise<TrainReadback> {
    const { historyBytes, snapshotBytes, capacity } = this.layout(steps, withSnapshot);
    const bytes = await this.readback.read(capacity);
    const state = this.state.read(bytes.slice(historyBytes + snapshotBytes), this.features);
    // A refused step ends the submit: the records past it were never written.
    const taken = state.refusedPivot === undefined ? steps : state.step - this.firstStep;
    const records = taken > 0 ? this.stepRecords(bytes, taken) : [];
    let snapshot: SnapshotRecord | undefined;
    if (withSnapshot) {
      const def = definition(this.pipelines.defs.update.storages.snapshot_out, 'snapshot_out');
      type Slots = { lo: Float32Array; hi: Float32Array };
      const views = makeStructuredView(def, bytes.slice(historyBytes)).views as {
        w: Slots;
        rest: Float32Array;
        gradient: Slots;
        gradient_b: Float32Array;
      };
      const features = this.features;
      const [b, sumCost, truePositive, trueNegative] = views.rest;
      snapshot = {
        w: slotWeights(views.w.lo, views.w.hi, features),
        b: b!,
        sumCost: sumCost!,
        truePositive: Math.round(truePositive!),
        trueNegative: Math.round(trueNegative!),
        gradient: { w: slotWeights(views.gradient.lo, views.gradient.hi, features), b: views.gradient_b[0]! },
      };
    }
    return { steps: records, snapshot, state };
  }

  /** Unpacks the history records at the offsets the WGSL's StepRecord declares. */
  private stepRecords(bytes: ArrayBuffer, steps: number): StepRecord[] {
    const fields = definition(this.pipelines.defs.update.structs.StepRecord, 'struct StepRecord').fields;
    const at = (name: string) => definition(fields[name], `StepRecord.${name}`).offset / 4;
    // Features is { lo: vec4f, hi: vec4f }: eight floats from w's offset, slot k at w + k.
    const [w, b, cost, correct] = [at('w'), at('b'), at('cost'), at('correct')];
    const h = new Float32Array(bytes, 0, (steps * this.historyStride) / 4);
    const stride = this.historyStride / 4;
    const slots = featureSlots(this.features);
    const records: StepRecord[] = [];
    for (let s = 0; s < steps; s++) {
      const o = s * stride;
      records.push({
        w: slots.map((slot) => h[o + w + slot]!),
        b: h[o + b]!,
        cost: h[o + cost]!,
        correct: h[o + correct]!,
      });
    }
    return records;
  }

  destroy(): void {
    this.trainConfig.destroy();
    this.snapshotConfig.destroy();
    this.snapshotOut.destroy();
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
      learning_rate: options.learningRate,
      optimizer: OPTIMIZERS.indexOf(optimizer.optimizer),
      momentum: optimizer.momentum,
      beta1: optimizer.beta1,
      beta2: optimizer.beta2,
      epsilon: optimizer.epsilon,
      train_bias: options.bias ? 1 : 0,
      mean: options.reduction === 'mean' ? 1 : 0,
      features: featureMask(options.features),
      l2: options.l2,
      decision_logit: decisionLogit(options.threshold),
    });
    this.device.queue.writeBuffer(buffer, 0, this.configView.arrayBuffer);
  }

  /** Grows the partials and history buffers when needed, and rebuilds the bind groups that name them. */
  private reserve(workgroups: number, steps: number): void {
    const partialBytes = Math.max(1, workgroups) * PARTIALS_PER_WORKGROUP * this.partialStride;
    const historyBytes = Math.max(1, steps) * this.historyStride;
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
        Math.min((this.history?.size ?? 0) * 2, MAX_TRAIN_STEPS * this.historyStride),
      );
      this.history = this.device.createBuffer({
        label: `train history (${size / this.historyStride} steps)`,
        size,
        usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
      });
      changed = true;
    }
    if (changed || !this.bindGroups) {
      this.bindGroups = this.makeBindGroups(this.partials, this.history);
      this.newtonGroup = undefined;
    }
  }

  private partialsGroup(label: string, pipeline: GPUComputePipeline, config: GPUBuffer): GPUBindGroup {
    const { samples, state } = this;
    const buffers = [config, samples.points, samples.labels, state.buffer, this.partials];
    return this.device.createBindGroup({
      label,
      layout: pipeline.getBindGroupLayout(0),
      entries: buffers.map((buffer, binding) => {
        if (!buffer) throw new Error('train kernel: partials missing');
        return { binding, resource: { buffer } };
      }),
    });
  }

  private makeBindGroups(partials: GPUBuffer, history: GPUBuffer) {
    const { device, pipelines, state } = this;
    const group = (label: string, pipeline: GPUComputePipeline, buffers: GPUBuffer[]) =>
      device.createBindGroup({
        label,
        layout: pipeline.getBindGroupLayout(0),
        entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
      });
    return {
      partialsTrain: this.partialsGroup('train partials (steps)', pipelines.partials, this.trainConfig),
      partialsSnapshot: this.partialsGroup('train partials (snapshot)', pipelines.partials, this.snapshotConfig),
      update: group('train update', pipelines.update, [this.trainConfig, partials, state.buffer, history]),
      snapshot: device.createBindGroup({
        label: 'train snapshot',
        layout: pipelines.snapshot.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: this.snapshotConfig } },
          { binding: 1, resource: { buffer: partials } },
          { binding: 2, resource: { buffer: state.buffer } },
          { binding: 4, resource: { buffer: this.snapshotOut } },
        ],
      }),
    };
  }
}

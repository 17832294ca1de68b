/**
 * Gradient descent on the GPU. A step is two dispatches: per-workgroup
 * partial sums (train-partials.wgsl), then one workgroup that adds them,
 * moves w and b and records the step (train-update.wgsl). Any number of steps
 * go into one compute pass, optionally followed by a full-data snapshot and a
 * single copy to a staging buffer: one readback per submit.
 */
import { getSizeAndAlignmentOfUnsizedArrayElement, makeStructuredView, type StructuredView } from 'webgpu-utils';
import { checkTrainSteps, type EngineOptions, INITIAL_OPTIONS, MAX_TRAIN_STEPS } from '../contract/engine';
import type { Feature } from '../model/features';
import { decisionLogit } from '../model/regression';
import { isMiniBatch, SHUFFLE_SEED, shuffleDomain } from '../model/shuffle';
import { featureMask, featureSlots, slotWeights } from './feature-slots';
import type { ParamState } from './param-state';
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
  readonly steps: StepRecord[];
  readonly snapshot: SnapshotRecord | undefined;
}

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
  private partials: GPUBuffer | undefined;
  private history: GPUBuffer | undefined;
  private bindGroups:
    | { partialsTrain: GPUBindGroup; partialsSnapshot: GPUBindGroup; update: GPUBindGroup; snapshot: GPUBindGroup }
    | undefined;

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

  /**
   * Encodes `steps` gradient-descent steps, then (if asked) a full-data
   * snapshot at the final parameters, then the copy of their records.
   * `firstStep` is the step counter's value on the GPU when this runs.
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
    const groups = this.bindGroups;
    if (!groups) throw new Error('train kernel: bind groups missing');
    this.writeConfig(this.trainConfig, options, options.batchSize, firstStep, workgroups);
    if (withSnapshot) this.writeConfig(this.snapshotConfig, options, 0, firstStep, workgroups);

    const pass = encoder.beginComputePass({ label: `train ${steps} steps` });
    // Each pass reads what the one before wrote: WebGPU orders dispatches within a pass.
    const twoPasses = (partials: GPUBindGroup, finish: GPUComputePipeline, finishGroup: GPUBindGroup) => {
      pass.setPipeline(this.pipelines.partials);
      pass.setBindGroup(0, partials);
      pass.dispatchWorkgroups(workgroups);
      pass.setPipeline(finish);
      pass.setBindGroup(0, finishGroup);
      pass.dispatchWorkgroups(1);
    };
    for (let s = 0; s < steps; s++) twoPasses(groups.partialsTrain, this.pipelines.update, groups.update);
    if (withSnapshot) twoPasses(groups.partialsSnapshot, this.pipelines.snapshot, groups.snapshot);
    pass.end();

    const historyBytes = steps * this.historyStride;
    const snapshotBytes = withSnapshot ? this.snapshotOut.size : 0;
    const capacity = historyBytes + snapshotBytes;
    if (steps > 0 && this.history) this.readback.copy(encoder, this.history, 0, 0, historyBytes, capacity);
    if (withSnapshot) this.readback.copy(encoder, this.snapshotOut, 0, historyBytes, snapshotBytes, capacity);
  }

  /** Reads what the last submitted `encode` recorded. */
  async read(steps: number, withSnapshot: boolean): Promise<TrainReadback> {
    const historyBytes = steps * this.historyStride;
    const bytes = await this.readback.read(historyBytes + (withSnapshot ? this.snapshotOut.size : 0));
    const records = steps > 0 ? this.stepRecords(bytes, steps) : [];
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
    return { steps: records, snapshot };
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
    this.configView.set({
      n,
      batch_size: isMiniBatch(batchSize, n) ? batchSize : 0,
      first_step: firstStep,
      shuffle_seed: SHUFFLE_SEED,
      half_bits: shuffleDomain(n).halfBits,
      partial_count: workgroups,
      learning_rate: options.learningRate,
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
    const partialBytes = Math.max(1, workgroups) * this.partialStride;
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
    if (changed || !this.bindGroups) this.bindGroups = this.makeBindGroups(this.partials, this.history);
  }

  private makeBindGroups(partials: GPUBuffer, history: GPUBuffer) {
    const { device, pipelines, samples, state } = this;
    const group = (label: string, pipeline: GPUComputePipeline, buffers: GPUBuffer[]) =>
      device.createBindGroup({
        label,
        layout: pipeline.getBindGroupLayout(0),
        entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
      });
    return {
      partialsTrain: group('train partials (steps)', pipelines.partials, [
        this.trainConfig,
        samples.points,
        samples.labels,
        state.buffer,
        partials,
      ]),
      partialsSnapshot: group('train partials (snapshot)', pipelines.partials, [
        this.snapshotConfig,
        samples.points,
        samples.labels,
        state.buffer,
        partials,
      ]),
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

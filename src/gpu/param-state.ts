/**
 * The parameters w (in their features' slots: src/gpu/feature-slots.ts), b,
 * the step counter and the optimiser's state, kept on the GPU between steps
 * (struct TrainState in shaders/train-common.wgsl). The training kernels
 * update it in place; the grid kernels read it, so nothing is read back
 * between training and drawing.
 */
import { makeStructuredView, type StructuredView } from 'webgpu-utils';
import type { Feature } from '../model/features';
import { initialOptimizerState, type OptimizerState } from '../model/optimizers';
import type { Params } from '../model/regression';
import { slotWeights, weightSlots } from './feature-slots';
import type { ShaderDefinitions } from './pipelines';

/** b's slot in the optimiser's state: slot 7, which no feature uses. */
const BIAS_SLOT = 3;

/** The state as the update kernel leaves it. */
export interface StateRecord {
  /** The step counter: steps since the parameters were last set. */
  readonly step: number;
  readonly optimizer: OptimizerState;
  /** The Cholesky pivot that refused a Newton step, when one was refused. */
  readonly refusedPivot: number | undefined;
}

type Slots = { lo: Float32Array; hi: Float32Array };
type StateViews = {
  step: Uint32Array;
  first: Slots;
  second: Slots;
  k: Uint32Array;
  refused: Uint32Array;
  refused_pivot: Float32Array;
};

/** A model's weights and b as the kernels' eight slots, b in slot 7. */
function paramSlots(features: readonly Feature[], p: Params): { lo: number[]; hi: number[] } {
  const slots = weightSlots(features, p.w);
  slots.hi[BIAS_SLOT] = p.b;
  return slots;
}

export class ParamState {
  readonly buffer: GPUBuffer;
  private readonly view: StructuredView;

  constructor(
    private readonly device: GPUDevice,
    private readonly defs: ShaderDefinitions,
  ) {
    this.view = makeStructuredView(this.definition());
    this.buffer = device.createBuffer({
      label: 'parameter state (w, b, step, optimiser)',
      size: this.view.arrayBuffer.byteLength,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
    });
  }

  /** Writes w (one weight per feature of `features`), b, the step and the optimiser's state (zero when absent). */
  write(
    params: Params,
    step: number,
    features: readonly Feature[],
    optimizer: OptimizerState = initialOptimizerState(features.length),
  ): void {
    // Every slot is written: a slot the model lacks must hold 0, whatever another model left there.
    this.view.set({
      w: weightSlots(features, params.w),
      b: params.b,
      step,
      first: paramSlots(features, optimizer.first),
      second: paramSlots(features, optimizer.second),
      k: optimizer.steps,
      refused: 0,
      refused_pivot: 0,
    });
    this.device.queue.writeBuffer(this.buffer, 0, this.view.arrayBuffer);
  }

  /** The optimiser's part of a copy of the buffer, for a model of `features`. */
  read(bytes: ArrayBuffer, features: readonly Feature[]): StateRecord {
    const views = makeStructuredView(this.definition(), bytes).views as StateViews;
    const params = (s: Slots): Params => ({ w: slotWeights(s.lo, s.hi, features), b: s.hi[BIAS_SLOT]! });
    return {
      step: views.step[0]!,
      optimizer: { steps: views.k[0]!, first: params(views.first), second: params(views.second) },
      refusedPivot: views.refused[0] ? views.refused_pivot[0]! : undefined,
    };
  }

  get size(): number {
    return this.buffer.size;
  }

  destroy(): void {
    this.buffer.destroy();
  }

  private definition() {
    const def = this.defs.update.storages.state;
    if (!def) throw new Error('train-update.wgsl declares no `state` storage');
    return def;
  }
}

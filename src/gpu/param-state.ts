/**
 * The parameters w (in their features' slots: src/gpu/feature-slots.ts), b,
 * the step counter and the optimiser's state of each racer, kept on the GPU
 * between steps (array<TrainState> in shaders/train-common.wgsl; racer 0 is
 * the model the page shows, the others race beside it). The training
 * kernels update it in place; the grid kernels read racer 0's, so nothing is
 * read back between training and drawing.
 */
import {
  getSizeAndAlignmentOfUnsizedArrayElement,
  makeStructuredView,
  type StructDefinition,
  type StructuredView,
} from 'webgpu-utils';
import type { Feature } from '../model/features';
import { initialOptimizerState, type OptimizerState } from '../model/optimizers';
import { MAX_RACERS } from '../model/race';
import type { Params } from '../model/regression';
import { slotWeights, weightSlots } from './feature-slots';
import type { ShaderDefinitions } from './pipelines';

/** b's slot in the optimiser's state: slot 7, which no feature uses. */
const BIAS_SLOT = 3;

/** A racer's state as the update kernel leaves it. */
export interface StateRecord {
  /** Where the racer stands. */
  readonly params: Params;
  /** The step counter: steps since the parameters were last set. */
  readonly step: number;
  readonly optimizer: OptimizerState;
  /** The Cholesky pivot that refused a Newton step, when one was refused. */
  readonly refusedPivot: number | undefined;
  /** Why the racer took no more steps in the submit: a refused Newton step, or a limit (RunLimits). */
  readonly stopped: 'refused' | 'limit' | undefined;
}

/** TrainState.refused's values (train-common.wgsl's REFUSED and AT_LIMIT). */
const STOPS = { 1: 'refused', 2: 'limit' } as const;

type Slots = { lo: Float32Array; hi: Float32Array };
type StateViews = {
  w: Slots;
  b: Float32Array;
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
  /** Bytes from one racer's state to the next. */
  readonly stride: number;
  private readonly view: StructuredView;
  private readonly struct: StructDefinition;

  constructor(
    private readonly device: GPUDevice,
    defs: ShaderDefinitions,
  ) {
    const state = defs.update.storages.state;
    const struct = defs.update.structs.TrainState;
    if (!state || !struct) throw new Error('train-update.wgsl declares no `state` array of TrainState');
    this.stride = getSizeAndAlignmentOfUnsizedArrayElement(state).size;
    this.struct = struct;
    this.view = makeStructuredView(struct);
    this.buffer = device.createBuffer({
      label: `parameter state (w, b, step, optimiser) of up to ${MAX_RACERS} racers`,
      size: this.stride * MAX_RACERS,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
    });
  }

  /**
   * Writes racer `racer`'s w (one weight per feature of `features`), b, step and optimiser's state
   * (zero when absent).
   */
  write(
    params: Params,
    step: number,
    features: readonly Feature[],
    optimizer: OptimizerState = initialOptimizerState(features.length),
    racer = 0,
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
    this.device.queue.writeBuffer(this.buffer, racer * this.stride, this.view.arrayBuffer);
  }

  /** Racer `racer`'s state in a copy of the buffer's first racers, for a model of `features`. */
  read(bytes: ArrayBuffer, features: readonly Feature[], racer = 0): StateRecord {
    const views = makeStructuredView(this.struct, bytes, racer * this.stride).views as StateViews;
    const params = (s: Slots): Params => ({ w: slotWeights(s.lo, s.hi, features), b: s.hi[BIAS_SLOT]! });
    const stopped = STOPS[views.refused[0] as keyof typeof STOPS];
    return {
      params: { w: slotWeights(views.w.lo, views.w.hi, features), b: views.b[0]! },
      step: views.step[0]!,
      optimizer: { steps: views.k[0]!, first: params(views.first), second: params(views.second) },
      refusedPivot: stopped === 'refused' ? views.refused_pivot[0]! : undefined,
      stopped,
    };
  }

  destroy(): void {
    this.buffer.destroy();
  }
}

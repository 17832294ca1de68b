/**
 * The parameters w (in their features' slots: src/gpu/feature-slots.ts), b and the step counter, kept on the GPU between steps
 * (struct TrainState in shaders/train-common.wgsl). The training kernels
 * update it in place; the grid kernels read it, so nothing is read back
 * between training and drawing.
 */
import { makeStructuredView, type StructuredView } from 'webgpu-utils';
import type { Feature } from '../model/features';
import type { Params } from '../model/regression';
import { weightSlots } from './feature-slots';
import type { ShaderDefinitions } from './pipelines';

export class ParamState {
  readonly buffer: GPUBuffer;
  private readonly view: StructuredView;

  constructor(
    private readonly device: GPUDevice,
    defs: ShaderDefinitions,
  ) {
    const def = defs.update.storages.state;
    if (!def) throw new Error('train-update.wgsl declares no `state` storage');
    this.view = makeStructuredView(def);
    this.buffer = device.createBuffer({
      label: 'parameter state (w, b, step)',
      size: this.view.arrayBuffer.byteLength,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
    });
  }

  /** Writes w (one weight per feature of `features`), b and the step. */
  write(params: Params, step: number, features: readonly Feature[]): void {
    // Every slot is written: a slot the model lacks must hold 0, whatever another model left there.
    this.view.set({ w: weightSlots(features, params.w), b: params.b, step });
    this.device.queue.writeBuffer(this.buffer, 0, this.view.arrayBuffer);
  }

  destroy(): void {
    this.buffer.destroy();
  }
}

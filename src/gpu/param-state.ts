/**
 * The parameters w (one per feature slot), b and the step counter, kept on the GPU between steps
 * (struct TrainState in shaders/train-common.wgsl). The training kernels
 * update it in place; the grid kernels read it, so nothing is read back
 * between training and drawing.
 */
import { makeStructuredView, type StructuredView } from 'webgpu-utils';
import type { Params } from '../model/regression';
import { weightSlots } from './feature-codes';
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

  write(params: Params, step: number): void {
    // Every slot is written: an empty one must hold 0, whatever a wider model left there.
    this.view.set({ w: weightSlots(params.w), b: params.b, step });
    this.device.queue.writeBuffer(this.buffer, 0, this.view.arrayBuffer);
  }

  destroy(): void {
    this.buffer.destroy();
  }
}

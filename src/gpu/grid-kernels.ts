/**
 * The two grid kernels: the cost surface over a grid of two weights
 * (cost-surface.wgsl) and P(t = 1 | x) over a grid of inputs
 * (probability-grid.wgsl). Both read the current parameters from the GPU
 * state, write size² floats, and read them back with one copy.
 */
import { makeStructuredView, type StructuredView } from 'webgpu-utils';
import {
  checkAxes,
  DEFAULT_AXES,
  type EngineOptions,
  type GridSpec,
  type SurfacePart,
  surfaceSamples,
} from '../contract/engine';
import type { Feature } from '../model/features';
import type { Params } from '../model/regression';
import { featureMask, featureSlots, weightSlots } from './feature-slots';
import type { ParamState } from './param-state';
import type { Pipelines } from './pipelines';
import { Readback } from './readback';
import type { SampleBuffers } from './sample-buffers';
import { costSurfaceSource, probabilityGridSource, workgroupSize } from './shader-sources';

abstract class GridKernel {
  private output: GPUBuffer | undefined;
  private bindGroup: GPUBindGroup | undefined;
  private readonly readback: Readback;
  protected readonly config: GPUBuffer;

  constructor(
    protected readonly device: GPUDevice,
    private readonly pipeline: GPUComputePipeline,
    protected readonly view: StructuredView,
    /** Invocations per workgroup, from the kernel's WGSL: one grid point each. */
    private readonly workgroupSize: number,
    private readonly label: string,
  ) {
    this.config = device.createBuffer({
      label: `${label} config`,
      size: view.arrayBuffer.byteLength,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    this.readback = new Readback(device, label);
  }

  /** Computes the grid in a submit of its own and returns it row-major, y outer. */
  async run(grid: GridSpec, values: Record<string, unknown>): Promise<Float32Array> {
    const encoder = this.device.createCommandEncoder({ label: `${this.label} ${grid.size}×${grid.size}` });
    this.encode(encoder, grid, values);
    this.device.queue.submit([encoder.finish()]);
    return this.read(grid);
  }

  /** Encodes the grid and its copy for readback into the caller's encoder (to share its submit). */
  protected encode(encoder: GPUCommandEncoder, grid: GridSpec, values: Record<string, unknown>): void {
    if (!Number.isInteger(grid.size) || grid.size < 2) {
      throw new RangeError(`grid size must be an integer ≥ 2, got ${grid.size}`);
    }
    const cells = grid.size * grid.size;
    this.view.set({ size: grid.size, ...values });
    this.device.queue.writeBuffer(this.config, 0, this.view.arrayBuffer);
    const output = this.reserve(cells * 4);
    const pass = encoder.beginComputePass({ label: this.label });
    pass.setPipeline(this.pipeline);
    pass.setBindGroup(0, this.bindGroup);
    pass.dispatchWorkgroups(Math.ceil(cells / this.workgroupSize));
    pass.end();
    this.readback.copy(encoder, output, 0, 0, cells * 4, cells * 4);
  }

  /** Reads back what the last submitted encode computed. */
  read(grid: GridSpec): Promise<Float32Array> {
    return this.readback.read(grid.size * grid.size * 4).then((bytes) => new Float32Array(bytes));
  }

  destroy(): void {
    this.config.destroy();
    this.output?.destroy();
    this.readback.destroy();
  }

  protected abstract bindings(output: GPUBuffer): GPUBuffer[];

  private reserve(bytes: number): GPUBuffer {
    if (this.output && this.output.size >= bytes) return this.output;
    this.output?.destroy();
    const output = this.device.createBuffer({
      label: `${this.label} output`,
      size: bytes,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    });
    this.output = output;
    this.bindGroup = this.device.createBindGroup({
      label: this.label,
      layout: this.pipeline.getBindGroupLayout(0),
      entries: this.bindings(output).map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    return output;
  }
}

function configView(defs: Pipelines['defs'][keyof Pipelines['defs']], label: string): StructuredView {
  const def = defs.uniforms.config;
  if (!def) throw new Error(`${label}: the WGSL declares no uniform \`config\``);
  return makeStructuredView(def);
}

export class CostSurfaceKernel extends GridKernel {
  constructor(
    device: GPUDevice,
    pipelines: Pipelines,
    private readonly samples: SampleBuffers,
  ) {
    super(
      device,
      pipelines.costSurface,
      configView(pipelines.defs.costSurface, 'cost surface'),
      workgroupSize(costSurfaceSource()),
      'cost surface',
    );
  }

  /** The surface through `at` (the current parameters), from every sample or from the slice `part` names. */
  compute(grid: GridSpec, options: EngineOptions, current: Params, part: SurfacePart = {}): Promise<Float32Array> {
    const n = this.samples.n;
    const { first, stride, count } = surfaceSamples(n, part);
    const at = part.at ?? current;
    const [axisX, axisY] = part.axes ?? DEFAULT_AXES;
    checkAxes([axisX, axisY], options.features.length);
    const slots = featureSlots(options.features);
    return this.run(grid, {
      n,
      first,
      stride,
      count,
      mean: options.reduction === 'mean' ? 1 : 0,
      features: featureMask(options.features),
      axis_x: slots[axisX],
      axis_y: slots[axisY],
      b: at.b,
      l2: options.l2,
      w1_range: grid.x,
      w2_range: grid.y,
      at: weightSlots(options.features, at.w),
    });
  }

  protected bindings(output: GPUBuffer): GPUBuffer[] {
    return [this.config, this.samples.points, this.samples.labels, output];
  }
}

export class ProbabilityGridKernel extends GridKernel {
  constructor(
    device: GPUDevice,
    pipelines: Pipelines,
    private readonly state: ParamState,
  ) {
    super(
      device,
      pipelines.probabilityGrid,
      configView(pipelines.defs.probabilityGrid, 'probability grid'),
      workgroupSize(probabilityGridSource()),
      'probability grid',
    );
  }

  /** The grid at racer `racer`'s parameters (0: the model). */
  compute(grid: GridSpec, features: readonly Feature[], racer = 0): Promise<Float32Array> {
    return this.run(grid, { features: featureMask(features), racer, x1_range: grid.x, x2_range: grid.y });
  }

  /** Encodes the grid after whatever the encoder holds (training, say): it sees the weights they leave. */
  encodeAfter(encoder: GPUCommandEncoder, grid: GridSpec, features: readonly Feature[]): void {
    this.encode(encoder, grid, { features: featureMask(features), racer: 0, x1_range: grid.x, x2_range: grid.y });
  }

  protected bindings(output: GPUBuffer): GPUBuffer[] {
    return [this.config, this.state.buffer, output];
  }
}

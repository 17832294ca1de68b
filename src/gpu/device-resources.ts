/**
 * What one engine holds on its (shared) device: a lease on the device, the
 * pipelines, the parameter state, the samples and the kernels that bind them.
 * When the device is lost the whole set is dropped and rebuilt on a new one.
 */
import type { Dataset } from '../model/dataset';
import { type DeviceLease, devicePool } from './device-pool';
import type { FusedChoice } from './fused-path';
import type { GpuContext } from './gpu-context';
import { CostSurfaceKernel, ProbabilityGridKernel } from './grid-kernels';
import { ParamState } from './param-state';
import type { Pipelines } from './pipelines';
import { SampleBuffers, sampleStorageBytes } from './sample-buffers';
import type { ReductionPath } from './shader-sources';
import { TrainKernel } from './train-kernel';

export interface DataKernels {
  readonly samples: SampleBuffers;
  readonly train: TrainKernel;
  readonly surface: CostSurfaceKernel;
}

export interface ResourceCallbacks {
  readonly onUncapturedError: (message: string) => void;
  readonly onLost: (device: GPUDevice, info: GPUDeviceLostInfo) => void;
}

export class DeviceResources {
  private dataKernels: DataKernels | undefined;
  readonly probability: ProbabilityGridKernel;

  private constructor(
    private readonly lease: DeviceLease,
    readonly pipelines: Pipelines,
    readonly state: ParamState,
    private readonly fused: FusedChoice,
  ) {
    this.probability = new ProbabilityGridKernel(lease.context.device, pipelines, state);
  }

  /** Resources on a device able to hold `n` samples, with the pipelines of the path compiled. */
  static async create(
    n: number,
    requestedPath: 'auto' | ReductionPath,
    callbacks: ResourceCallbacks,
    fused: FusedChoice = 'auto',
  ): Promise<DeviceResources> {
    let device: GPUDevice | undefined;
    const lease = await devicePool.lease(sampleStorageBytes(n), {
      onUncapturedError: callbacks.onUncapturedError,
      onLost: (info) => {
        if (device) callbacks.onLost(device, info);
      },
    });
    device = lease.context.device;
    try {
      const subgroups = lease.context.subgroups;
      const path: ReductionPath = requestedPath === 'auto' ? (subgroups ? 'subgroup' : 'plain') : requestedPath;
      if (path === 'subgroup' && !subgroups) {
        throw new Error('The subgroup reduction was asked for, but this adapter does not offer `subgroups`');
      }
      const pipelines = await lease.pipelines(path);
      return new DeviceResources(lease, pipelines, new ParamState(device, pipelines.defs), fused);
    } catch (error) {
      lease.release();
      throw error;
    }
  }

  get context(): GpuContext {
    return this.lease.context;
  }

  get device(): GPUDevice {
    return this.lease.context.device;
  }

  get kernels(): DataKernels {
    if (!this.dataKernels) throw new Error('No data on the GPU yet');
    return this.dataKernels;
  }

  /** Uploads samples (replacing any before), a slice at a time, and builds the kernels that read them. */
  async upload(data: Dataset): Promise<void> {
    this.dropData();
    // A turn of the page between slices of a large upload (setTimeout: no DOM needed).
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    const samples = await SampleBuffers.create(this.device, data, this.context.maxStorageBytes, pause);
    this.dataKernels = {
      samples,
      train: new TrainKernel(
        this.device,
        this.pipelines,
        samples,
        this.state,
        this.context.summary.isFallbackAdapter,
        this.fused,
      ),
      surface: new CostSurfaceKernel(this.device, this.pipelines, samples),
    };
  }

  /** Destroys every buffer explicitly, then gives the device back. */
  destroy(): void {
    this.dropData();
    this.probability.destroy();
    this.state.destroy();
    this.lease.release();
  }

  private dropData(): void {
    if (!this.dataKernels) return;
    this.dataKernels.train.destroy();
    this.dataKernels.surface.destroy();
    this.dataKernels.samples.destroy();
    this.dataKernels = undefined;
  }
}

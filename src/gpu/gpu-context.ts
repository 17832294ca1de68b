/**
 * A WebGPU device with what this app asks of it: subgroups and timestamps
 * when offered, and storage limits raised only when the data need them.
 * No DOM: errors and loss are reported through callbacks.
 */
import { type AdapterSummary, probeAdapter, summarizeAdapter } from './adapter';
import { withinDeadline } from './deadline';

export interface GpuContext {
  readonly adapter: GPUAdapter;
  readonly device: GPUDevice;
  readonly summary: AdapterSummary;
  /** The device has `subgroups`: the subgroupAdd reduction can run. */
  readonly subgroups: boolean;
  /** The largest storage binding the device accepts, in bytes. */
  readonly maxStorageBytes: number;
}

/** Thrown when the data cannot fit the adapter; the message names the limit. */
export class GpuCapacityError extends Error {
  override name = 'GpuCapacityError';
}

export interface ContextOptions {
  /** The largest storage buffer the data need, in bytes. */
  readonly storageBytes: number;
  readonly onUncapturedError?: (message: string) => void;
  readonly onLost?: (info: GPUDeviceLostInfo) => void;
}

const MiB = 1024 * 1024;

/** The limits to request: the defaults, unless the data need more and the adapter has it. */
export function requiredLimits(adapter: GPUAdapter, storageBytes: number): Record<string, number> {
  const limits = adapter.limits;
  const available = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  if (storageBytes > available) {
    throw new GpuCapacityError(
      `The data need a ${(storageBytes / MiB).toFixed(1)} MiB GPU buffer, but this adapter's ` +
        `maxStorageBufferBindingSize is ${(limits.maxStorageBufferBindingSize / MiB).toFixed(0)} MiB ` +
        `(maxBufferSize ${(limits.maxBufferSize / MiB).toFixed(0)} MiB). Use fewer samples; the data are unchanged.`,
    );
  }
  // 128 MiB and 256 MiB are the limits every device gets without asking.
  if (storageBytes <= 128 * MiB) return {};
  return { maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize, maxBufferSize: limits.maxBufferSize };
}

export async function createGpuContext(options: ContextOptions): Promise<GpuContext> {
  const probe = await probeAdapter();
  if (!probe.ok) throw new Error(`No WebGPU: ${probe.reason}`);
  const { adapter } = probe;
  const features: GPUFeatureName[] = [];
  if (adapter.features.has('subgroups')) features.push('subgroups');
  const device = await withinDeadline(
    adapter.requestDevice({
      label: 'logistic playground device',
      requiredFeatures: features,
      requiredLimits: requiredLimits(adapter, options.storageBytes),
    }),
    "WebGPU's requestDevice()",
    // A device that comes after the page gave up on it is nobody's: free it.
    (late) => late.destroy(),
  );
  device.addEventListener('uncapturederror', (event) => {
    options.onUncapturedError?.((event as GPUUncapturedErrorEvent).error.message);
  });
  device.lost.then((info) => options.onLost?.(info));
  return {
    adapter,
    device,
    summary: summarizeAdapter(adapter),
    subgroups: device.features.has('subgroups'),
    maxStorageBytes: Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize),
  };
}

/**
 * An init script that counts what a page does with WebGPU, for tests that
 * must show work was done, or given back: submits, buffers created and still
 * alive, devices alive, bytes written through the queue. Read it with
 * `gpuCensus`.
 */
import type { Page } from '@playwright/test';

export interface GpuCensus {
  /** Buffers created so far. */
  created: number;
  /** Buffers created and not destroyed. */
  liveBuffers: number;
  /** Devices requested and not destroyed. */
  liveDevices: number;
  /** Bytes written with GPUQueue.writeBuffer. */
  written: number;
  /** Command buffers submitted: proof that work really went to the GPU. */
  submits: number;
}

function install(): void {
  const census: GpuCensus = { created: 0, liveBuffers: 0, liveDevices: 0, written: 0, submits: 0 };
  (window as Window & { gpuCensus?: GpuCensus }).gpuCensus = census;
  if (typeof GPUDevice === 'undefined') return;
  /** Wraps `proto[name]` so that `count` runs on each call, with its receiver and arguments. */
  const tap = <T extends object>(proto: T, name: keyof T, count: (self: never, args: never[]) => void) => {
    const original = proto[name] as (...args: unknown[]) => unknown;
    (proto as Record<keyof T, unknown>)[name] = function (this: never, ...args: never[]) {
      const result = original.apply(this, args);
      if (result instanceof Promise) {
        return result.then((value) => {
          count(value as never, args);
          return value;
        });
      }
      count(result as never, args);
      return result;
    };
  };
  const buffers = new Set<GPUBuffer>();
  const devices = new Set<GPUDevice>();
  tap(GPUDevice.prototype, 'createBuffer', (buffer: GPUBuffer) => {
    buffers.add(buffer);
    census.created++;
    census.liveBuffers = buffers.size;
  });
  tap(GPUAdapter.prototype, 'requestDevice', (device: GPUDevice) => {
    devices.add(device);
    census.liveDevices = devices.size;
  });
  const destroyBuffer = GPUBuffer.prototype.destroy;
  GPUBuffer.prototype.destroy = function (this: GPUBuffer) {
    buffers.delete(this);
    census.liveBuffers = buffers.size;
    return destroyBuffer.call(this);
  };
  const destroyDevice = GPUDevice.prototype.destroy;
  GPUDevice.prototype.destroy = function (this: GPUDevice) {
    devices.delete(this);
    census.liveDevices = devices.size;
    return destroyDevice.call(this);
  };
  tap(GPUQueue.prototype, 'submit', () => {
    census.submits++;
  });
  const write = GPUQueue.prototype.writeBuffer;
  GPUQueue.prototype.writeBuffer = function (this: GPUQueue, ...args: Parameters<GPUQueue['writeBuffer']>) {
    const [, , data, , size] = args;
    // A size counts elements of a typed array, bytes of anything else.
    const element = (data as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
    census.written += size !== undefined ? size * element : data.byteLength;
    return write.apply(this, args);
  };
}

/** Counts from the page's start. */
export async function countGpuWork(page: Page): Promise<void> {
  await page.addInitScript(install);
}

export function gpuCensus(page: Page): Promise<GpuCensus> {
  return page.evaluate(() => ({ ...((window as Window & { gpuCensus?: GpuCensus }).gpuCensus as GpuCensus) }));
}

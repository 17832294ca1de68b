import { describe, expect, it } from 'vitest';
import { GpuCapacityError, requiredLimits } from './gpu-context';

const MiB = 1024 * 1024;

function adapter(maxStorageBufferBindingSize: number, maxBufferSize: number): GPUAdapter {
  return { limits: { maxStorageBufferBindingSize, maxBufferSize } } as unknown as GPUAdapter;
}

describe('requiredLimits', () => {
  it('asks for nothing while the defaults suffice', () => {
    expect(requiredLimits(adapter(1024 * MiB, 1024 * MiB), 100 * MiB)).toEqual({});
  });

  it("asks for the adapter's higher limits when the data need them", () => {
    expect(requiredLimits(adapter(1024 * MiB, 2048 * MiB), 300 * MiB)).toEqual({
      maxStorageBufferBindingSize: 1024 * MiB,
      maxBufferSize: 2048 * MiB,
    });
  });

  it('refuses data beyond the adapter, naming the limit', () => {
    const tooBig = () => requiredLimits(adapter(256 * MiB, 512 * MiB), 300 * MiB);
    expect(tooBig).toThrow(GpuCapacityError);
    expect(tooBig).toThrow(/300\.0 MiB GPU buffer, but this adapter's maxStorageBufferBindingSize is 256 MiB/);
  });
});

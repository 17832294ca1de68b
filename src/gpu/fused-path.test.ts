import { describe, expect, it } from 'vitest';
import {
  CPU_FUSED_GROUP,
  FUSED_MAX_N,
  fusedDispatchSteps,
  fusedInvocations,
  GPU_FUSED_GROUP,
  takesFusedPath,
} from './fused-path';

describe('the fused path', () => {
  it('takes one SIMD group on a CPU adapter, a workgroup of 64 on a GPU', () => {
    expect(fusedInvocations(40, true, 'auto')).toBe(CPU_FUSED_GROUP);
    expect(fusedInvocations(FUSED_MAX_N, true, 'auto')).toBe(CPU_FUSED_GROUP);
    expect(fusedInvocations(1, false, 'auto')).toBe(GPU_FUSED_GROUP);
    expect(fusedInvocations(FUSED_MAX_N, false, 'auto')).toBe(GPU_FUSED_GROUP);
  });

  it('leaves larger data to the two-dispatch path, and obeys a forced choice', () => {
    expect(takesFusedPath(FUSED_MAX_N, 'auto')).toBe(true);
    expect(takesFusedPath(FUSED_MAX_N + 1, 'auto')).toBe(false);
    expect(takesFusedPath(40, 'off')).toBe(false);
    expect(fusedInvocations(FUSED_MAX_N + 1, true, 'auto')).toBe(0);
    expect(fusedInvocations(FUSED_MAX_N + 1, false, GPU_FUSED_GROUP)).toBe(0);
    expect(fusedInvocations(40, true, 'off')).toBe(0);
    expect(fusedInvocations(40, true, GPU_FUSED_GROUP)).toBe(GPU_FUSED_GROUP);
    expect(fusedInvocations(4000, false, CPU_FUSED_GROUP)).toBe(CPU_FUSED_GROUP);
  });

  it('bounds a dispatch’s work: all of a call’s steps on the tutorial’s 40 points, fewer on more', () => {
    expect(fusedDispatchSteps(40, CPU_FUSED_GROUP)).toBeGreaterThanOrEqual(4096);
    expect(fusedDispatchSteps(FUSED_MAX_N, GPU_FUSED_GROUP)).toBe(1024);
    expect(fusedDispatchSteps(1 << 20, 1)).toBe(1);
    expect(fusedDispatchSteps(0, 1)).toBe(1 << 18);
  });
});

import { describe, expect, it } from 'vitest';
import { FUSED_GROUP, FUSED_MAX_N, fusedDispatchSteps, fusedInvocations, ONE_INVOCATION_MAX_N } from './fused-path';

describe('the fused path', () => {
  it('takes one invocation on a CPU adapter up to a few hundred samples, a workgroup on a GPU', () => {
    expect(fusedInvocations(40, true, 'auto')).toBe(1);
    expect(fusedInvocations(ONE_INVOCATION_MAX_N, true, 'auto')).toBe(1);
    expect(fusedInvocations(ONE_INVOCATION_MAX_N + 1, true, 'auto')).toBe(FUSED_GROUP);
    expect(fusedInvocations(40, false, 'auto')).toBe(FUSED_GROUP);
  });

  it('leaves larger data to the two-dispatch path, and obeys a forced choice', () => {
    expect(fusedInvocations(FUSED_MAX_N, false, 'auto')).toBe(FUSED_GROUP);
    expect(fusedInvocations(FUSED_MAX_N + 1, true, 'auto')).toBe(0);
    expect(fusedInvocations(FUSED_MAX_N + 1, true, 1)).toBe(0);
    expect(fusedInvocations(40, true, 'off')).toBe(0);
    expect(fusedInvocations(40, true, 64)).toBe(64);
    expect(fusedInvocations(4000, false, 1)).toBe(1);
  });

  it('bounds a dispatch’s work: all of a call’s steps on the tutorial’s 40 points, fewer on more', () => {
    expect(fusedDispatchSteps(40, 1)).toBeGreaterThanOrEqual(4096);
    expect(fusedDispatchSteps(FUSED_MAX_N, FUSED_GROUP)).toBe(1024);
    expect(fusedDispatchSteps(1 << 20, 1)).toBe(1);
    expect(fusedDispatchSteps(0, 1)).toBe(1 << 18);
  });
});

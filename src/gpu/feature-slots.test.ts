import { describe, expect, it } from 'vitest';
import featuresWgsl from '../../shaders/features.wgsl?raw';
import { FEATURES } from '../model/features';
import { FEATURE_SLOTS, featureMask, featureSlots, slotWeights, weightSlots } from './feature-slots';

describe('feature slots', () => {
  it('gives each feature the slot of its place in FEATURES', () => {
    expect(featureSlots(['x1', 'x2'])).toEqual([0, 1]);
    expect(featureSlots(['x2', 'x1*x2', 'sin(x2)'])).toEqual([1, 4, 6]);
    expect(featureSlots(FEATURES)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(FEATURES.length).toBeLessThan(FEATURE_SLOTS);
  });

  it('masks the model’s slots, bit k for slot k', () => {
    expect(featureMask(['x1', 'x2'])).toBe(0b11);
    expect(featureMask(['x1^2', 'sin(x1)'])).toBe(0b100100);
    expect(featureMask(FEATURES)).toBe(0b1111111);
  });

  it('lays weights into their features’ slots, zeros elsewhere, and reads them back in the model’s order', () => {
    expect(weightSlots(['x1', 'x2'], [1.5, 0.8])).toEqual({ lo: [1.5, 0.8, 0, 0], hi: [0, 0, 0, 0] });
    expect(weightSlots(['x2', 'x1^2', 'sin(x2)'], [1, 2, 3])).toEqual({ lo: [0, 1, 2, 0], hi: [0, 0, 3, 0] });
    expect(slotWeights([0, 1, 2, 0], [0, 0, 3, 0], ['x2', 'x1^2', 'sin(x2)'])).toEqual([1, 2, 3]);
    const all = FEATURES.map((_, j) => j + 1);
    const { lo, hi } = weightSlots(FEATURES, all);
    expect(slotWeights(lo, hi, FEATURES)).toEqual(all);
  });

  it('matches the WGSL: slots in FEATURES order, the upper and sine masks on the right bits', () => {
    const expected: Record<string, string> = {
      x1: 'x.x',
      x2: 'x.y',
      'x1^2': 'x.x * x.x',
      'x2^2': 'x.y * x.y',
      'x1*x2': 'x.x * x.y',
      'sin(x1)': 's.x',
      'sin(x2)': 's.y',
    };
    const lo = /let lo = vec4f\(([^;]*)\);/.exec(featuresWgsl)?.[1]?.split(', ');
    const hi = / hi = vec4f\((x[^;]*)\);/.exec(featuresWgsl)?.[1]?.split(', ');
    expect([...(lo ?? []), ...(hi ?? [])]).toEqual([...FEATURES.map((f) => expected[f]), '0.0']);
    const upper = featureMask(['x1*x2', 'sin(x1)', 'sin(x2)']);
    const sines = featureMask(['sin(x1)', 'sin(x2)']);
    expect(featuresWgsl).toContain(`const UPPER_SLOTS: u32 = 0x${upper.toString(16)}u;`);
    expect(featuresWgsl).toContain(`const SINE_SLOTS: u32 = 0x${sines.toString(16)}u;`);
  });
});

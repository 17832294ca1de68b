import { describe, expect, it } from 'vitest';
import featuresWgsl from '../../shaders/features.wgsl?raw';
import { FEATURES } from '../model/features';
import { FEATURE_SLOTS, featureCodes, NO_FEATURE, slotWeights, weightSlots } from './feature-codes';

const slot = (codes: number, j: number) => (codes >>> (4 * j)) & 15;

describe('feature codes', () => {
  it('packs the tutorial features as codes 0 and 1, the rest empty', () => {
    const codes = featureCodes(['x1', 'x2']);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((j) => slot(codes, j))).toEqual([0, 1, 15, 15, 15, 15, 15, 15]);
  });

  it('packs all seven in order, unsigned once the top slot is set', () => {
    const codes = featureCodes(FEATURES);
    expect(codes).toBeGreaterThan(0);
    expect(Array.from({ length: FEATURE_SLOTS }, (_, j) => slot(codes, j))).toEqual([0, 1, 2, 3, 4, 5, 6, NO_FEATURE]);
    expect(featureCodes(['sin(x2)', 'x1'])).toBe((0xffffff00 | 6 | (0 << 4)) >>> 0);
  });

  it('refuses more features than slots', () => {
    expect(() => featureCodes([...FEATURES, 'x1', 'x2'])).toThrow(/8 features, got 9/);
  });

  it('lays weights into slots and back', () => {
    expect(weightSlots([1, 2, 3, 4, 5])).toEqual({ lo: [1, 2, 3, 4], hi: [5, 0, 0, 0] });
    expect(slotWeights([1, 2, 3, 4], [5, 0, 0, 0], 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('matches the WGSL: one entry per feature in FEATURES order, then the 0 an empty slot reads', () => {
    const list = /array<f32, 8>\(([^)]*)\)/
      .exec(featuresWgsl)?.[1]
      ?.split(',')
      .map((e) => e.trim());
    const expected: Record<string, string> = {
      x1: 'x.x',
      x2: 'x.y',
      'x1^2': 'x.x * x.x',
      'x2^2': 'x.y * x.y',
      'x1*x2': 'x.x * x.y',
      'sin(x1)': 's.x',
      'sin(x2)': 's.y',
    };
    expect(list).toEqual([...FEATURES.map((f) => expected[f]), '0.0']);
    expect(featuresWgsl).toContain('s = sin(x);');
    // The sine codes uses_sine looks for are those of sin(x1) and sin(x2).
    expect(featuresWgsl).toContain(
      `code == ${FEATURES.indexOf('sin(x1)')}u || code == ${FEATURES.indexOf('sin(x2)')}u`,
    );
    expect(featuresWgsl).toContain(`const NO_FEATURE: u32 = ${NO_FEATURE}u;`);
  });
});

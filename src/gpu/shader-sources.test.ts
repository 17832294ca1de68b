import { describe, expect, it } from 'vitest';
import { costSurfaceSource, trainPartialsSource, trainUpdateSource, trainWorkgroupSize } from './shader-sources';

describe('shader sources', () => {
  it('reads the workgroup size of each reduction path from its WGSL', () => {
    expect(trainWorkgroupSize('plain')).toBe(64);
    expect(trainWorkgroupSize('subgroup')).toBe(256);
  });

  it('puts `enable subgroups;` first, and only on the subgroup path', () => {
    expect(trainPartialsSource('subgroup').startsWith('enable subgroups;')).toBe(true);
    expect(trainUpdateSource('subgroup').startsWith('enable subgroups;')).toBe(true);
    expect(trainPartialsSource('plain')).not.toContain('enable subgroups');
    expect(costSurfaceSource()).not.toContain('enable subgroups');
  });

  it('gives each kernel the library functions it calls', () => {
    expect(trainPartialsSource('plain')).toContain('fn shuffled_index');
    expect(trainPartialsSource('plain')).toContain('fn cross_entropy_from_logit');
    expect(costSurfaceSource()).toContain('struct TrainState');
  });
});

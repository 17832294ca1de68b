import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYGROUND } from '../settings/playground-settings';
import { presetData, presetSize } from './preset-data';

describe('a preset’s size', () => {
  it('is the number of samples its data hold once drawn, before they are drawn', async () => {
    const gaussians = { ...DEFAULT_PLAYGROUND.gaussians, perClass: 150 };
    for (const preset of ['tutorial', 'gaussians', 'circle'] as const) {
      const settings = { preset, gaussians };
      const data = await presetData(settings);
      expect(data?.targets.length, preset).toBe(presetSize(settings));
    }
    expect(presetSize({ preset: 'gaussians', gaussians })).toBe(300);
  });
});

import { describe, expect, it } from 'vitest';
import { parseAttributes } from './attributes';
import { DEFAULT_PLAYGROUND } from './playground-settings';

describe('parseAttributes', () => {
  it('gives the tutorial defaults without attributes', () => {
    expect(parseAttributes({})).toEqual({ engine: 'auto', settings: DEFAULT_PLAYGROUND, notices: [] });
  });

  it('reads every attribute', () => {
    const parsed = parseAttributes({
      dataset: 'gaussians',
      'learning-rate': '0.1',
      'initial-weights': '1, -2',
      bias: '1',
      reduction: 'mean',
      engine: 'cpu',
    });
    expect(parsed.settings.preset).toBe('gaussians');
    expect(parsed.engine).toBe('cpu');
    expect(parsed.settings.training).toMatchObject({
      learningRate: 0.1,
      initialWeights: [1, -2],
      bias: true,
      reduction: 'mean',
    });
    expect(parsed.notices).toEqual([]);
  });

  it('falls back per attribute and names each bad value', () => {
    const parsed = parseAttributes({
      dataset: 'iris',
      'learning-rate': 'fast',
      'initial-weights': '1;2',
      reduction: 'max',
      engine: 'tpu',
    });
    expect(parsed.engine).toBe('auto');
    expect(parsed.settings).toEqual(DEFAULT_PLAYGROUND);
    expect(parsed.notices).toHaveLength(5);
    const all = parsed.notices.join('\n');
    expect(all).toMatch(/dataset="iris"/);
    expect(all).toMatch(/learning-rate="fast" was ignored: η must be a number/);
    expect(all).toMatch(/initial-weights="1;2"/);
    expect(all).not.toMatch(/NaN/);
  });
});

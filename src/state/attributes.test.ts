import { describe, expect, it } from 'vitest';
import { parseAttributes } from './attributes';
import { DEFAULT_SETTINGS } from './settings';

const NONE = { dataset: null, learningRate: null, initialWeights: null, bias: false, reduction: null, engine: null };

describe('parseAttributes', () => {
  it('gives the tutorial defaults without attributes', () => {
    expect(parseAttributes(NONE)).toEqual({
      dataset: 'tutorial',
      engine: 'auto',
      settings: DEFAULT_SETTINGS,
      notices: [],
    });
  });

  it('reads every attribute', () => {
    const parsed = parseAttributes({
      dataset: 'gaussians',
      learningRate: '0.1',
      initialWeights: '1, -2',
      bias: true,
      reduction: 'mean',
      engine: 'cpu',
    });
    expect(parsed.dataset).toBe('gaussians');
    expect(parsed.engine).toBe('cpu');
    expect(parsed.settings).toMatchObject({
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
      learningRate: 'fast',
      initialWeights: '1;2',
      bias: false,
      reduction: 'max',
      engine: 'tpu',
    });
    expect(parsed.dataset).toBe('tutorial');
    expect(parsed.engine).toBe('auto');
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
    expect(parsed.notices).toHaveLength(5);
    expect(parsed.notices.join('\n')).toMatch(/dataset="iris"/);
    expect(parsed.notices.join('\n')).toMatch(/learning-rate="fast" was ignored/);
    expect(parsed.notices.join('\n')).toMatch(/initial-weights="1;2"/);
  });
});

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

  it('reads numbers as links, fields and CSV files do: no hex, and "1e309" is out of range', () => {
    const parsed = parseAttributes({ 'learning-rate': '0x1', 'initial-weights': '0x1,0b1' });
    expect(parsed.settings).toEqual(DEFAULT_PLAYGROUND);
    expect(parsed.notices).toHaveLength(2);
    expect(parseAttributes({ 'learning-rate': '1e309' }).notices).toEqual([
      'learning-rate="1e309" was ignored: η must be between 1e-6 and 10, got "1e309".',
    ]);
  });

  it('quotes a long value only in part', () => {
    const long = '9'.repeat(400);
    const parsed = parseAttributes({ 'learning-rate': long, engine: long, 'initial-weights': `${long},1` });
    expect(parsed.notices).toHaveLength(3);
    for (const notice of parsed.notices) {
      expect(notice.length).toBeLessThan(200);
      expect(notice).not.toMatch(/9{25}/);
    }
  });

  it('reads only its own attributes, whatever names an object has', () => {
    const attributes = Object.create({ 'learning-rate': '0.3' }) as Record<string, string | null>;
    Object.assign(attributes, { toString: '1', constructor: 'x' });
    expect(parseAttributes(attributes)).toEqual({ engine: 'auto', settings: DEFAULT_PLAYGROUND, notices: [] });
  });

  it('takes an empty engine attribute for none: the default engine, without a notice', () => {
    expect(parseAttributes({ engine: '' })).toEqual({ engine: 'auto', settings: DEFAULT_PLAYGROUND, notices: [] });
    expect(parseAttributes({ engine: 'tpu' }).notices).toEqual([
      'engine="tpu" is not one of auto, gpu, cpu; using "auto".',
    ]);
  });
});

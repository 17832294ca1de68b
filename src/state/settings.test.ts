import { describe, expect, it } from 'vitest';
import { applySettings, DEFAULT_SETTINGS, parseWeightPair, SettingError } from './settings';

describe('applySettings', () => {
  it('applies valid changes and keeps the rest', () => {
    const next = applySettings(DEFAULT_SETTINGS, { learningRate: 0.5, bias: true });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, learningRate: 0.5, bias: true });
  });

  it.each([
    [{ learningRate: 0 }, /learningRate must be between/],
    [{ learningRate: -1 }, /learningRate must be between/],
    [{ learningRate: Number.NaN }, /learningRate must be a finite number/],
    [{ learningRate: 11 }, /learningRate must be between 0.000001 and 10, got 11/],
    [{ initialWeights: [1, Number.POSITIVE_INFINITY] as [number, number] }, /initialWeights\[1\] must be a finite/],
    [{ initialWeights: [1] as unknown as [number, number] }, /initialWeights must be two numbers/],
    [{ initialBias: 1e6 }, /initialBias must be between/],
    [{ reduction: 'max' as 'sum' }, /reduction must be "sum" or "mean", got "max"/],
    [{ batchSize: 2.5 }, /batchSize must be an integer/],
    [{ bias: 'yes' as unknown as boolean }, /bias must be true or false/],
  ])('refuses %j', (changes, message) => {
    expect(() => applySettings(DEFAULT_SETTINGS, changes)).toThrow(SettingError);
    expect(() => applySettings(DEFAULT_SETTINGS, changes)).toThrow(message);
  });
});

describe('parseWeightPair', () => {
  it('reads "w1,w2" with spaces', () => {
    expect(parseWeightPair(' -4, -2 ')).toEqual([-4, -2]);
    expect(parseWeightPair('1.5e-1,3')).toEqual([0.15, 3]);
  });
  it.each(['', '1', '1,2,3', 'a,b', '1,', ',2', '1,Infinity'])('refuses %j', (text) => {
    expect(() => parseWeightPair(text)).toThrow(/"w1,w2"/);
  });
});

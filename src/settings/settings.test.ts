import { describe, expect, it } from 'vitest';
import { INITIAL_OPTIONS } from '../contract/engine';
import { CpuEngine } from '../engine/cpu-engine';
import { CSV_MAX_ROWS } from '../model/csv';
import { tutorialDataset } from '../model/tutorial-data';
import { TUTORIAL_REFERENCE } from '../model/tutorial-reference';
import { DEFAULT_PLAYGROUND } from './playground-settings';
import { DEFAULT_SETTINGS, LIMITS, SettingError, type TrainingSettings } from './settings';
import { applyChange } from './settings-change';
import { SETTINGS } from './settings-schema';

/** The tutorial's training settings with `changes` applied through the one checked door. */
function trainingWith(changes: Partial<TrainingSettings>): TrainingSettings {
  return applyChange({ ...DEFAULT_PLAYGROUND, training: DEFAULT_SETTINGS }, { training: changes }).training;
}

describe('the settings table', () => {
  it('applies valid changes and keeps the rest', () => {
    const next = trainingWith({ learningRate: 0.5, bias: true });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, learningRate: 0.5, bias: true });
  });

  it.each([
    [{ learningRate: 0 }, 'η must be between 1e-6 and 10, got 0'],
    [{ learningRate: -1 }, 'η must be between 1e-6 and 10, got -1'],
    [{ learningRate: Number.NaN }, 'η must be a number between 1e-6 and 10, got not a finite number'],
    [{ learningRate: 11 }, 'η must be between 1e-6 and 10, got 11'],
    [
      { initialWeights: [1, Number.POSITIVE_INFINITY] as [number, number] },
      'w₂(0) must be a number between -1000 and 1000, got not a finite number',
    ],
    [{ initialWeights: [1] }, 'w(0) must have one number per feature (2: x₁, x₂), got 1: 1'],
    [{ initialWeights: 'x' as unknown as number[] }, 'w(0) must be a list of numbers, one per feature, got "x"'],
    [{ l2: -1 }, 'L2 λ must be between 0 and 1000, got -1'],
    [{ threshold: 1 }, 'threshold must be between 0.01 and 0.99, got 1'],
    [
      { features: ['x1'] as const },
      'features must hold at least 2 different features (the cost surface shows two weights), got ["x1"]',
    ],
    [{ initialBias: 1e6 }, 'b(0) must be between -1000 and 1000, got 1000000'],
    [{ reduction: 'max' as 'sum' }, 'cost must be "sum" or "mean", got "max"'],
    [{ batchSize: 2.5 }, 'batch size must be a whole number, got 2.5'],
    [{ bias: 'yes' as unknown as boolean }, 'bias b must be on (1) or off (0), got "yes"'],
  ])('refuses %j, naming it as the screen does and never printing NaN', (changes, message) => {
    expect(() => trainingWith(changes)).toThrow(SettingError);
    expect(() => trainingWith(changes)).toThrow(message);
  });

  it('names the Gaussian and speed settings as the controls do', () => {
    expect(() => applyChange(DEFAULT_PLAYGROUND, { gaussians: { perClass: 0 } })).toThrow(
      'per class must be between 1 and 1\u202f000\u202f000, got 0',
    );
    expect(() => applyChange(DEFAULT_PLAYGROUND, { gaussians: { mean1: [1, 200] } })).toThrow(
      'class 1 mean y must be between -100 and 100, got 200',
    );
    expect(() => applyChange(DEFAULT_PLAYGROUND, { speed: { unit: 'per-frame', value: 0.5 } })).toThrow(
      'speed (steps per frame) must be between 1 and 1000, got 0.5',
    );
    expect(() => applyChange(DEFAULT_PLAYGROUND, { speed: { unit: 'per-hour' as 'per-frame' } })).toThrow(
      'speed unit must be "per-second", "per-frame" or "fastest", got "per-hour"',
    );
    expect(() => SETTINGS.speed.applyText(DEFAULT_PLAYGROUND, 'fast')).toThrow(
      'speed must be written as steps per second ("4/s"), per frame ("5/frame") or "max" (as fast as possible), got "fast"',
    );
    expect(() => applyChange(DEFAULT_PLAYGROUND, { preset: 'iris' as 'tutorial' })).toThrow(
      'data set must be "tutorial", "gaussians", "circle", "xor" or "spiral", got "iris"',
    );
  });

  it('turns −0 into 0', () => {
    expect(trainingWith({ initialWeights: [-0, 1] }).initialWeights[0]).toBe(0);
  });

  it('reads text with digit groups and a real minus sign', () => {
    const s = SETTINGS.perClass.applyText(DEFAULT_PLAYGROUND, '1 000 000');
    expect(s.gaussians.perClass).toBe(1_000_000);
    expect(SETTINGS.initialWeights.applyText(DEFAULT_PLAYGROUND, '−4,2').training.initialWeights).toEqual([-4, 2]);
    expect(() => SETTINGS.learningRate.applyText(DEFAULT_PLAYGROUND, 'fast')).toThrow(
      'η must be a number between 1e-6 and 10, got "fast"',
    );
  });

  it('refuses settings it does not have, naming the one meant', () => {
    expect(() => applyChange(DEFAULT_PLAYGROUND, { training: { learningrate: 0.1 } as never })).toThrow(
      'training has no setting "learningrate" (did you mean "learningRate"?)',
    );
    expect(() => applyChange(DEFAULT_PLAYGROUND, { bogus: 1 } as never)).toThrow('change() has no setting "bogus"');
    expect(() => applyChange(DEFAULT_PLAYGROUND, { gaussians: { n: 5 } as never })).toThrow(
      'gaussians has no setting "n"',
    );
  });
});

describe('the defaults', () => {
  it("are the tutorial's experiment, and an engine starts from them before its first setOptions", async () => {
    const { learningRate, bias, reduction, batchSize } = DEFAULT_SETTINGS;
    const { features, l2, threshold } = DEFAULT_SETTINGS;
    expect(INITIAL_OPTIONS).toEqual({ learningRate, bias, reduction, batchSize, features, l2, threshold });
    expect(DEFAULT_SETTINGS.initialWeights).toEqual(TUTORIAL_REFERENCE.start);
    expect(DEFAULT_PLAYGROUND.training).toBe(DEFAULT_SETTINGS);
    // No setOptions: the engine's own start must be the tutorial's step.
    const engine = new CpuEngine();
    await engine.setData(tutorialDataset());
    engine.setParams({ w: DEFAULT_SETTINGS.initialWeights.slice(), b: DEFAULT_SETTINGS.initialBias });
    const { path } = await engine.train(1);
    const [r1, r2] = TUTORIAL_REFERENCE.path[1];
    expect(path[0]?.w[0]).toBeCloseTo(r1, 4);
    expect(path[0]?.w[1]).toBeCloseTo(r2, 4);
  });
});

describe('the limits', () => {
  it("give η's slider a span within η's range: 1e-4 (10^−4) up to the largest η (10^1)", () => {
    const { range, slider } = SETTINGS.learningRate;
    expect(range).toBe(LIMITS.learningRate);
    expect(slider.min).toBeGreaterThanOrEqual(range.min);
    expect(slider.max).toBe(range.max);
    // The slider moves in log10 η: its ends must be whole powers of ten, as they were (−4 and 1).
    expect([Math.log10(slider.min), Math.log10(slider.max)]).toEqual([-4, 1]);
  });

  it('let a batch be as large as the largest data set a file holds', () => {
    expect(LIMITS.batchSize.max).toBe(CSV_MAX_ROWS);
    expect(SETTINGS.batchSize.range).toBe(LIMITS.batchSize);
  });
});

describe('SettingError', () => {
  it('is a RangeError named SettingError, as a script that catches it sees it', () => {
    const error = new SettingError('η must be between 1e-6 and 10, got 11');
    expect(error).toBeInstanceOf(RangeError);
    expect(error.name).toBe('SettingError');
    expect(String(error)).toBe('SettingError: η must be between 1e-6 and 10, got 11');
  });
});

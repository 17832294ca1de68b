/** The settings table's own rules: how values are shown in messages, read from text and written to links. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYGROUND, type PlaygroundSettings, type Speed } from './playground-settings';
import { SettingError } from './settings';
import { attributeSettings, linkEntries, SETTINGS } from './settings-schema';
import { checkNumberText, shown } from './value-checks';

/** The message `run` throws, or 'accepted'. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SettingError);
    return (error as Error).message;
  }
  return 'accepted';
}

const withTraining = (training: Partial<PlaygroundSettings['training']>): PlaygroundSettings => ({
  ...DEFAULT_PLAYGROUND,
  training: { ...DEFAULT_PLAYGROUND.training, ...training },
});

describe('shown: a value as a message quotes it', () => {
  it('says "nothing" for empty text and for a value left out', () => {
    expect(shown('')).toBe('nothing');
    expect(shown(undefined)).toBe('nothing');
  });

  it('quotes user text as typed (not as JSON), cut after 24 characters', () => {
    expect(shown('a"b')).toBe('"a"b"');
    expect(shown('x'.repeat(30))).toBe(`"${'x'.repeat(24)}…"`);
  });

  it('writes numbers plainly, never NaN, and objects from code as JSON', () => {
    expect(shown(2.5)).toBe('2.5');
    expect(shown(Number.NaN)).toBe('not a finite number');
    expect(shown(null)).toBe('null');
    expect(shown({ unit: 'per-hour' })).toBe('{"unit":"per-hour"}');
  });

  it('is what a refused choice or toggle reports', () => {
    expect(refusal(() => SETTINGS.reduction.applyText(DEFAULT_PLAYGROUND, ''))).toBe(
      'cost must be "sum" or "mean", got nothing',
    );
    const noUnit = { ...DEFAULT_PLAYGROUND, speed: { value: 4 } as Speed };
    expect(refusal(() => SETTINGS.speed.validate(noUnit))).toBe(
      'speed unit must be "per-second", "per-frame" or "fastest", got nothing',
    );
    // A number is no choice, even one that reads like one.
    const numeric = { ...DEFAULT_PLAYGROUND, preset: 1 as unknown as 'tutorial' };
    expect(refusal(() => SETTINGS.preset.validate(numeric))).toBe(
      'data set must be "tutorial", "gaussians", "circle", "xor" or "spiral", got 1',
    );
  });
});

describe('checkNumberText: a number typed into a field', () => {
  it('takes a fraction unless whole numbers are asked for', () => {
    const range = { min: 0, max: 1 };
    expect(checkNumberText('std', '0.5', range)).toBe(0.5);
    expect(refusal(() => checkNumberText('std', '0.5', range, true))).toBe('std must be a whole number, got 0.5');
  });
});

describe('reading a setting from text', () => {
  it('reads w(0) as one number per feature split by commas, naming the weight a bad part is', () => {
    expect(SETTINGS.initialWeights.applyText(DEFAULT_PLAYGROUND, '1,-2').training.initialWeights).toEqual([1, -2]);
    expect(refusal(() => SETTINGS.initialWeights.applyText(DEFAULT_PLAYGROUND, '1;2'))).toBe(
      'w₁(0) must be a number between -1000 and 1000, got "1;2"',
    );
    expect(refusal(() => SETTINGS.initialWeights.applyText(DEFAULT_PLAYGROUND, '1,2,3'))).toBe(
      'w(0) must have one number per feature (2: x₁, x₂), got 3: 1, 2, 3',
    );
    const cubic = SETTINGS.features.applyText(DEFAULT_PLAYGROUND, 'x1,x2,x1^2');
    expect(SETTINGS.initialWeights.applyText(cubic, '1,2,3').training.initialWeights).toEqual([1, 2, 3]);
  });

  it("reads the cost surface's two features, which must be two of the model's", () => {
    const wide = SETTINGS.features.applyText(DEFAULT_PLAYGROUND, 'x1,x2,x1^2,x2^2');
    expect(SETTINGS.surfaceFeatures.applyText(wide, 'x2^2,x1').training.surfaceFeatures).toEqual(['x2^2', 'x1']);
    expect(refusal(() => SETTINGS.surfaceFeatures.applyText(wide, 'x1,x1'))).toBe(
      'the cost surface shows the weights of two different features, got ["x1","x1"]',
    );
    expect(refusal(() => SETTINGS.surfaceFeatures.applyText(wide, 'x1,sin(x1)'))).toBe(
      "the cost surface shows the weights of two of the model's features (x₁, x₂, x₁², x₂²), not of sin x₁",
    );
    // Features that drop one the surface shows move the surface to the first one left.
    const dropped = SETTINGS.features.applyText(SETTINGS.surfaceFeatures.applyText(wide, 'x1^2,x2^2'), 'x1,x2,x2^2');
    expect(dropped.training.surfaceFeatures).toEqual(['x2^2', 'x1']);
  });

  it('reads features by name in any order, keeps them in the one order, and carries w(0) along', () => {
    const s = SETTINGS.features.applyText(DEFAULT_PLAYGROUND, 'x2^2,x1^2,x2');
    expect(s.training.features).toEqual(['x2', 'x1^2', 'x2^2']);
    // x2 keeps its −2; the new ones start at 0.
    expect(s.training.initialWeights).toEqual([-2, 0, 0]);
    expect(SETTINGS.features.linkText(s)).toBe('x2,x1^2,x2^2');
    expect(refusal(() => SETTINGS.features.applyText(DEFAULT_PLAYGROUND, 'x1,x3'))).toBe(
      'features has no feature "x3": choose from "x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"',
    );
    expect(refusal(() => SETTINGS.features.applyText(DEFAULT_PLAYGROUND, 'x1,x1'))).toMatch(
      /^features must hold at least 2 different features/,
    );
  });

  it('reads a toggle as 1 (on) or 0 (off), and writes it back so', () => {
    const on = withTraining({ bias: true });
    expect(SETTINGS.bias.applyText(on, '0').training.bias).toBe(false);
    expect(SETTINGS.bias.applyText(DEFAULT_PLAYGROUND, '1').training.bias).toBe(true);
    expect(refusal(() => SETTINGS.bias.applyText(DEFAULT_PLAYGROUND, 'true'))).toBe(
      'bias b must be on (1) or off (0), got "true"',
    );
    expect(SETTINGS.bias.linkText(on)).toBe('1');
    expect(SETTINGS.bias.linkText(DEFAULT_PLAYGROUND)).toBe('0');
  });

  it('takes steps per second from 0.25 to 240, naming the unit in the message', () => {
    expect(SETTINGS.speed.applyText(DEFAULT_PLAYGROUND, '0.25/s').speed).toEqual({ unit: 'per-second', value: 0.25 });
    expect(SETTINGS.speed.applyText(DEFAULT_PLAYGROUND, '240/s').speed).toEqual({ unit: 'per-second', value: 240 });
    expect(refusal(() => SETTINGS.speed.applyText(DEFAULT_PLAYGROUND, '241/s'))).toBe(
      'speed (steps per second) must be between 0.25 and 240, got 241',
    );
    expect(refusal(() => SETTINGS.speed.applyText(DEFAULT_PLAYGROUND, '0.2/s'))).toBe(
      'speed (steps per second) must be between 0.25 and 240, got 0.2',
    );
    // Per frame, only whole steps: the unit decides the range and the rule.
    expect(refusal(() => SETTINGS.speed.applyText(DEFAULT_PLAYGROUND, '2.5/frame'))).toBe(
      'speed (steps per frame) must be a whole number, got 2.5',
    );
  });

  it('takes "max" for as fast as possible, writes it so, and lets no number ride with it', () => {
    const fastest = SETTINGS.speed.applyText(DEFAULT_PLAYGROUND, 'max');
    expect(fastest.speed).toEqual({ unit: 'fastest', value: 0 });
    expect(SETTINGS.speed.linkText(fastest)).toBe('max');
    expect(SETTINGS.speed.validate({ ...DEFAULT_PLAYGROUND, speed: { unit: 'fastest', value: 99 } }).speed).toEqual({
      unit: 'fastest',
      value: 0,
    });
    expect(refusal(() => SETTINGS.speed.applyText(DEFAULT_PLAYGROUND, 'fast'))).toBe(
      'speed must be written as steps per second ("4/s"), per frame ("5/frame") or "max" (as fast as possible), got "fast"',
    );
  });

  it('takes any seed a 32-bit signed integer holds, and no larger', () => {
    expect(SETTINGS.seed.applyText(DEFAULT_PLAYGROUND, '2147483647').gaussians.seed).toBe(2 ** 31 - 1);
    expect(refusal(() => SETTINGS.seed.applyText(DEFAULT_PLAYGROUND, '2147483648'))).toBe(
      'seed must be between 0 and 2\u202f147\u202f483\u202f647, got 2147483648',
    );
  });
});

describe('links and attributes', () => {
  it("write the Gaussians' settings only with that preset: the tutorial's data ignore them", () => {
    const std2 = { ...DEFAULT_PLAYGROUND, gaussians: { ...DEFAULT_PLAYGROUND.gaussians, std: 2 } };
    expect(linkEntries(std2, DEFAULT_PLAYGROUND)).toEqual([]);
    expect(linkEntries({ ...std2, preset: 'gaussians' }, DEFAULT_PLAYGROUND)).toEqual([
      ['preset', 'gaussians'],
      ['std', '2'],
    ]);
    expect(SETTINGS.std.inLink(DEFAULT_PLAYGROUND)).toBe(false);
    // A shape's link names its noise, and neither the Gaussians' means nor their std.
    const noisyCircle = { ...std2, preset: 'circle' as const, gaussians: { ...std2.gaussians, noise: 0.4, seed: 3 } };
    expect(linkEntries(noisyCircle, DEFAULT_PLAYGROUND)).toEqual([
      ['preset', 'circle'],
      ['seed', '3'],
      ['noise', '0.4'],
    ]);
    expect(SETTINGS.learningRate.inLink(DEFAULT_PLAYGROUND)).toBe(true);
  });

  it('are read from the fifteen attributes the elements declare (components/model-attributes.ts), in table order', () => {
    expect(attributeSettings().map((row) => row.attribute)).toEqual([
      'dataset',
      'learning-rate',
      'features',
      'initial-weights',
      'bias',
      'reduction',
      'l2',
      'threshold',
      'test-fraction',
      'optimizer',
      'momentum',
      'beta1',
      'beta2',
      'epsilon',
      'race',
    ]);
  });
});

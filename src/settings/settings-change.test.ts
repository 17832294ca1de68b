/**
 * The one door for a change of settings: unknown keys refused by name,
 * every value through the table, what passed handed on as a CheckedChange,
 * and two changes merged into one that does what both do.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYGROUND, type PlaygroundSettings, type SettingsChange } from './playground-settings';
import { SettingError } from './settings';
import { applyChange, applyChecked, checkChange, mergeChanges, wholeChange } from './settings-change';

const BASE = DEFAULT_PLAYGROUND;

/** A change as a script might write it, wrong types and all. */
function loose(change: Record<string, unknown>): SettingsChange {
  return change as SettingsChange;
}

describe('applyChange', () => {
  it('applies each part over the base, leaving the rest', () => {
    expect(
      applyChange(BASE, {
        preset: 'gaussians',
        gaussians: { seed: 3 },
        training: { learningRate: 0.1 },
        speed: { value: 9 },
      }),
    ).toEqual({
      preset: 'gaussians',
      gaussians: { ...BASE.gaussians, seed: 3 },
      training: { ...BASE.training, learningRate: 0.1 },
      speed: { ...BASE.speed, value: 9 },
    });
    expect(applyChange(BASE, {})).toEqual(BASE);
  });

  it('refuses a key it does not know, at the top and in each part, and changes nothing', () => {
    expect(() => applyChange(BASE, loose({ colour: 'red' }))).toThrow('change() has no setting "colour"');
    expect(() => applyChange(BASE, loose({ gaussians: { sed: 1 } }))).toThrow('gaussians has no setting "sed"');
    expect(() => applyChange(BASE, loose({ training: { eta: 1 } }))).toThrow('training has no setting "eta"');
    expect(() => applyChange(BASE, loose({ speed: { fast: true } }))).toThrow('speed has no setting "fast"');
    expect(BASE.training.learningRate).toBe(0.05);
  });

  it('names the key meant when only its letter case is off, and no other', () => {
    expect(() => applyChange(BASE, loose({ Preset: 'gaussians' }))).toThrow(
      new SettingError('change() has no setting "Preset" (did you mean "preset"?)'),
    );
    expect(() => applyChange(BASE, loose({ speed: { VALUE: 2 } }))).toThrow(
      new SettingError('speed has no setting "VALUE" (did you mean "value"?)'),
    );
    expect(() => applyChange(BASE, loose({ speed: { values: 2 } }))).toThrow(
      new SettingError('speed has no setting "values"'),
    );
  });

  it('refuses a part that is not an object of settings', () => {
    for (const value of [null, 3, 'fast']) {
      expect(() => applyChange(BASE, loose({ speed: value }))).toThrow(
        new SettingError('speed must be an object of settings'),
      );
      expect(() => applyChange(BASE, loose({ training: value }))).toThrow(
        new SettingError('training must be an object of settings'),
      );
    }
    expect(() => applyChange(BASE, loose({ gaussians: 1 }))).toThrow(
      new SettingError('gaussians must be an object of settings'),
    );
    expect(() => applyChange(BASE, null as unknown as SettingsChange)).toThrow(
      new SettingError('change() must be an object of settings'),
    );
  });

  it('puts every value through the settings table', () => {
    expect(() => applyChange(BASE, { training: { learningRate: 99 } })).toThrow(/η must be/);
    expect(() => applyChange(BASE, loose({ preset: 'moons' }))).toThrow(SettingError);
  });
});

describe('checkChange', () => {
  it('gives the settings it leaves and the change as the table passed it, only the keys asked for', () => {
    const { settings, checked } = checkChange(BASE, { training: { learningRate: 0.25 }, speed: { value: 2 } });
    expect(settings).toEqual(applyChange(BASE, { training: { learningRate: 0.25 }, speed: { value: 2 } }));
    expect(checked).toEqual({ training: { learningRate: 0.25 }, speed: { value: 2 } });
  });

  it('carries the preset and the Gaussians when asked for them', () => {
    const { checked } = checkChange(BASE, { preset: 'gaussians', gaussians: { perClass: 12 } });
    expect(checked).toEqual({ preset: 'gaussians', gaussians: { perClass: 12 } });
    expect(checkChange(BASE, {}).checked).toEqual({});
  });

  it('hands on each value as the table left it', () => {
    // The table turns −0 into 0 (links cannot tell them apart): the change handed on holds the 0.
    const { checked } = checkChange(BASE, { training: { initialBias: -0 } });
    expect(Object.is(checked.training?.initialBias, 0)).toBe(true);
  });
});

describe('applyChecked and wholeChange', () => {
  it('merges a checked change over the base, part by part', () => {
    const { checked } = checkChange(BASE, { preset: 'gaussians', gaussians: { seed: 5 }, training: { bias: true } });
    expect(applyChecked(BASE, checked)).toEqual({
      ...BASE,
      preset: 'gaussians',
      gaussians: { ...BASE.gaussians, seed: 5 },
      training: { ...BASE.training, bias: true },
    });
    const { checked: speedOnly } = checkChange(BASE, { speed: { value: 3 } });
    expect(applyChecked(BASE, speedOnly)).toEqual({ ...BASE, speed: { ...BASE.speed, value: 3 } });
  });

  it('turns whole settings into the change that sets them, with or without the data settings', () => {
    const other: PlaygroundSettings = applyChange(BASE, {
      preset: 'gaussians',
      gaussians: { seed: 8 },
      training: { reduction: 'mean' },
      speed: { value: 1 },
    });
    expect(wholeChange(other)).toEqual({
      preset: other.preset,
      gaussians: other.gaussians,
      training: other.training,
      speed: other.speed,
    });
    expect(applyChecked(BASE, wholeChange(other))).toEqual(other);
    expect(wholeChange(other, false)).toEqual({ training: other.training, speed: other.speed });
    expect(applyChecked(BASE, wholeChange(other, false))).toEqual({
      ...other,
      preset: BASE.preset,
      gaussians: BASE.gaussians,
    });
  });
});

describe('mergeChanges', () => {
  it('does what the first and then the second change do', () => {
    const first: SettingsChange = {
      preset: 'gaussians',
      training: { learningRate: 0.1, bias: true },
      speed: { value: 2 },
    };
    const second: SettingsChange = { training: { learningRate: 0.2 }, gaussians: { seed: 4 } };
    expect(mergeChanges(first, second)).toEqual({
      preset: 'gaussians',
      gaussians: { seed: 4 },
      training: { learningRate: 0.2, bias: true },
      speed: { value: 2 },
    });
    expect(applyChange(BASE, mergeChanges(first, second))).toEqual(applyChange(applyChange(BASE, first), second));
  });

  it('keeps a part only one of them has, whichever, and adds no part neither has', () => {
    expect(mergeChanges({ speed: { value: 2 } }, {})).toEqual({ speed: { value: 2 } });
    expect(mergeChanges({}, { gaussians: { seed: 1 } })).toEqual({ gaussians: { seed: 1 } });
    expect(mergeChanges({ preset: 'tutorial' }, { preset: 'gaussians' })).toEqual({ preset: 'gaussians' });
    expect(mergeChanges({}, {})).toEqual({});
  });

  it('merges each part both changes have, key by key', () => {
    expect(mergeChanges({ gaussians: { seed: 1 } }, { gaussians: { perClass: 5 } })).toEqual({
      gaussians: { seed: 1, perClass: 5 },
    });
    expect(mergeChanges({ speed: { value: 2 } }, { speed: { unit: 'per-frame' } })).toEqual({
      speed: { value: 2, unit: 'per-frame' },
    });
  });
});

/**
 * Everything a link can carry: the data settings, the training settings and
 * the speed. One object, validated in one place, so the URL, the controls and
 * the element's API agree on what is valid.
 */
import { GAUSSIAN_LIMITS, type GaussianSettings, TUTORIAL_GAUSSIANS } from '../model/gaussians';
import { applySettings, DEFAULT_SETTINGS, SettingError, type TrainingSettings } from './settings';

export type Preset = 'tutorial' | 'gaussians';
export const PRESETS: readonly Preset[] = ['tutorial', 'gaussians'];

/** How fast Play runs: whole steps each animation frame, or steps per second (fractions carry over). */
export type SpeedUnit = 'per-frame' | 'per-second';

export interface Speed {
  readonly unit: SpeedUnit;
  readonly value: number;
}

export interface PlaygroundSettings {
  readonly preset: Preset;
  /** Used by the "two Gaussians" preset. */
  readonly gaussians: GaussianSettings;
  readonly training: TrainingSettings;
  readonly speed: Speed;
}

export const SPEED_LIMITS: Record<SpeedUnit, { min: number; max: number }> = {
  'per-frame': { min: 1, max: 1000 },
  'per-second': { min: 0.25, max: 240 },
};

export const SEED_LIMITS = { min: 0, max: 2 ** 31 - 1 } as const;

export const DEFAULT_PLAYGROUND: PlaygroundSettings = {
  preset: 'tutorial',
  gaussians: { ...TUTORIAL_GAUSSIANS, perClass: 100 },
  training: DEFAULT_SETTINGS,
  // The tutorial's steps are large: four a second lets a class follow each one.
  speed: { unit: 'per-second', value: 4 },
};

function check(name: string, value: number, range: { min: number; max: number }, integer = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SettingError(`${name} must be a finite number, got ${String(value)}`);
  }
  if (value < range.min || value > range.max) {
    throw new SettingError(`${name} must be between ${range.min} and ${range.max}, got ${value}`);
  }
  if (integer && !Number.isInteger(value)) throw new SettingError(`${name} must be a whole number, got ${value}`);
}

export function validateGaussians(g: GaussianSettings): GaussianSettings {
  for (const [name, mean] of [
    ['mean of class 0', g.mean0],
    ['mean of class 1', g.mean1],
  ] as const) {
    if (!Array.isArray(mean) || mean.length !== 2) throw new SettingError(`${name} must be two numbers (x, y)`);
    check(`${name} (x)`, mean[0], GAUSSIAN_LIMITS.mean);
    check(`${name} (y)`, mean[1], GAUSSIAN_LIMITS.mean);
  }
  check('standard deviation', g.std, GAUSSIAN_LIMITS.std);
  check('samples per class', g.perClass, GAUSSIAN_LIMITS.perClass, true);
  check('seed', g.seed, SEED_LIMITS, true);
  // `+ 0` turns −0 into 0, which links cannot tell apart.
  return {
    mean0: [g.mean0[0] + 0, g.mean0[1] + 0],
    mean1: [g.mean1[0] + 0, g.mean1[1] + 0],
    std: g.std,
    perClass: g.perClass,
    seed: g.seed,
  };
}

export function validateSpeed(speed: Speed): Speed {
  if (speed.unit !== 'per-frame' && speed.unit !== 'per-second') {
    throw new SettingError(`speed unit must be "per-frame" or "per-second", got ${JSON.stringify(speed.unit)}`);
  }
  check(
    `speed (steps ${speed.unit === 'per-frame' ? 'per frame' : 'per second'})`,
    speed.value,
    SPEED_LIMITS[speed.unit],
    speed.unit === 'per-frame',
  );
  return { unit: speed.unit, value: speed.value };
}

export interface SettingsChange {
  readonly preset?: Preset;
  readonly gaussians?: Partial<GaussianSettings>;
  readonly training?: Partial<TrainingSettings>;
  readonly speed?: Partial<Speed>;
}

/** `base` with `change` applied, or a SettingError naming the first bad value (and nothing changed). */
export function applyChange(base: PlaygroundSettings, change: SettingsChange): PlaygroundSettings {
  const preset = change.preset ?? base.preset;
  if (!PRESETS.includes(preset))
    throw new SettingError(`preset must be "tutorial" or "gaussians", got ${JSON.stringify(preset)}`);
  return {
    preset,
    gaussians: change.gaussians ? validateGaussians({ ...base.gaussians, ...change.gaussians }) : base.gaussians,
    training: change.training ? applySettings(base.training, change.training) : base.training,
    speed: change.speed ? validateSpeed({ ...base.speed, ...change.speed }) : base.speed,
  };
}

/** Whether a change of settings needs new data (and so a reset). */
export function dataChanged(a: PlaygroundSettings, b: PlaygroundSettings): boolean {
  if (a.preset !== b.preset) return true;
  if (a.preset === 'tutorial') return false;
  return JSON.stringify(a.gaussians) !== JSON.stringify(b.gaussians);
}

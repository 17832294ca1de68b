/**
 * Everything a link can carry: the data settings, the training settings and
 * the speed. One object, validated by the settings table
 * (settings-schema.ts), so the URL, the controls and the element's API agree
 * on what is valid.
 */
import { type GaussianSettings, TUTORIAL_GAUSSIANS } from '../model/gaussians';
import { DEFAULT_SETTINGS, SettingError, type TrainingSettings } from './settings';
import { validateSettings } from './settings-schema';

export type Preset = 'tutorial' | 'gaussians';

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

export const DEFAULT_PLAYGROUND: PlaygroundSettings = {
  preset: 'tutorial',
  gaussians: { ...TUTORIAL_GAUSSIANS, perClass: 100 },
  training: DEFAULT_SETTINGS,
  // The tutorial's steps are large: four a second lets a class follow each one.
  speed: { unit: 'per-second', value: 4 },
};

/** The settings that say which data are drawn. */
export type DataSettings = Pick<PlaygroundSettings, 'preset' | 'gaussians'>;

export interface SettingsChange {
  readonly preset?: Preset;
  readonly gaussians?: Partial<GaussianSettings>;
  readonly training?: Partial<TrainingSettings>;
  readonly speed?: Partial<Speed>;
}

/** Refuses a key the settings do not have, naming the one meant when only its letter case is off. */
function checkKeys(where: string, object: object | undefined, known: object): void {
  if (object === undefined) return;
  if (typeof object !== 'object' || object === null) throw new SettingError(`${where} must be an object of settings`);
  const names = Object.keys(known);
  for (const key of Object.keys(object)) {
    if (names.includes(key)) continue;
    const meant = names.find((name) => name.toLowerCase() === key.toLowerCase());
    throw new SettingError(`${where} has no setting "${key}"${meant ? ` (did you mean "${meant}"?)` : ''}`);
  }
}

/** `base` with `change` applied, or a SettingError naming the first bad value (and nothing changed). */
export function applyChange(base: PlaygroundSettings, change: SettingsChange): PlaygroundSettings {
  // Unknown keys are refused, not ignored: a misspelt setting must not pass for one that was applied.
  checkKeys('change()', change, base);
  checkKeys('gaussians', change.gaussians, base.gaussians);
  checkKeys('training', change.training, base.training);
  checkKeys('speed', change.speed, base.speed);
  return validateSettings({
    preset: change.preset ?? base.preset,
    gaussians: { ...base.gaussians, ...change.gaussians },
    training: { ...base.training, ...change.training },
    speed: { ...base.speed, ...change.speed },
  });
}

/** The training settings `base` with `changes` applied and checked (a SettingError names a bad one). */
export function applyTraining(base: TrainingSettings, changes: Partial<TrainingSettings>): TrainingSettings {
  return applyChange({ ...DEFAULT_PLAYGROUND, training: base }, { training: changes }).training;
}

/**
 * One change that does what `first` and then `second` do: applyChange(s,
 * mergeChanges(a, b)) is applyChange(applyChange(s, a), b) for every s.
 */
export function mergeChanges(first: SettingsChange, second: SettingsChange): SettingsChange {
  const part = <K extends 'gaussians' | 'training' | 'speed'>(key: K) =>
    first[key] || second[key] ? { [key]: { ...first[key], ...second[key] } } : {};
  return { ...first, ...second, ...part('gaussians'), ...part('training'), ...part('speed') };
}

/** Whether data of settings `b` differ from those of `a` (and so must be drawn, and training reset). */
export function dataChanged(a: DataSettings, b: DataSettings): boolean {
  if (a.preset !== b.preset) return true;
  if (a.preset === 'tutorial') return false;
  return JSON.stringify(a.gaussians) !== JSON.stringify(b.gaussians);
}

/** Whether a change of training settings makes the current weights meaningless: the run starts over. */
export function trainingRestarts(a: TrainingSettings, b: TrainingSettings): boolean {
  return (
    a.bias !== b.bias ||
    a.reduction !== b.reduction ||
    a.initialBias !== b.initialBias ||
    a.initialWeights[0] !== b.initialWeights[0] ||
    a.initialWeights[1] !== b.initialWeights[1]
  );
}

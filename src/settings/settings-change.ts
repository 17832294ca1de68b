/**
 * A change of the settings, checked: the one door through which a new value
 * (from a control, a link, a file or a script) becomes the settings. Unknown
 * keys are refused; every value is checked by the settings table.
 */
import { DEFAULT_PLAYGROUND, type PlaygroundSettings, type SettingsChange } from './playground-settings';
import { SettingError, type TrainingSettings } from './settings';
import { validateSettings } from './settings-schema';

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

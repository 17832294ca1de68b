/**
 * A change of the settings, checked: the one door through which a new value
 * (from a control, a link, a file or a script) becomes the settings. Unknown
 * keys are refused; every value is checked by the settings table. The
 * controller checks each change once, when it is asked for (checkChange);
 * what passed is a CheckedChange, which everything after it applies without
 * checking again (applyChecked).
 */
import { carryToFeatures, isFeature, orderedFeatures } from '../model/features';
import type { PlaygroundSettings, SettingsChange } from './playground-settings';
import { checkRaceSetting } from './race-checks';
import { SettingError, type TrainingSettings } from './settings';
import { validateSettings } from './settings-schema';

declare const passed: unique symbol;

/** A change whose values the settings table passed (checkChange made it): applying it checks nothing again. */
export type CheckedChange = SettingsChange & { readonly [passed]: true };

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
  const training = { ...base.training, ...change.training, ...carriedWeights(base.training, change.training) };
  return validateSettings({
    preset: change.preset ?? base.preset,
    gaussians: { ...base.gaussians, ...change.gaussians },
    training: { ...training, ...alignedRace(training, change.training) },
    speed: { ...base.speed, ...change.speed },
  });
}

/**
 * Racer 0 of a race is the model: a race set gives the model its rule, η and β; a rule, η or β set
 * moves racer 0 with them. One rule, so the two never disagree.
 */
function alignedRace(
  merged: TrainingSettings,
  change: Partial<TrainingSettings> | undefined,
): Partial<TrainingSettings> {
  // Checked here, before its first racer is copied: a bad race is named as the race, not as the optimiser.
  const race = change?.race === undefined ? merged.race : checkRaceSetting(change.race);
  const first = race[0];
  if (first === undefined) return {};
  if (change?.race !== undefined) {
    return {
      optimizer: first.optimizer,
      learningRate: first.learningRate,
      ...(first.momentum === undefined ? {} : { momentum: first.momentum }),
    };
  }
  const { optimizer, learningRate, momentum } = merged;
  const usesMomentum = optimizer === 'momentum' || optimizer === 'nesterov';
  return { race: [{ optimizer, learningRate, ...(usesMomentum ? { momentum } : {}) }, ...race.slice(1)] };
}

/**
 * w(0) and the surface's two features for new features asked for without
 * their own: a feature kept keeps its weight (and its place on the
 * surface), a new one starts at 0. Nothing the change names itself, and
 * nothing for features the table will refuse (it names them).
 */
function carriedWeights(
  base: TrainingSettings,
  change: Partial<TrainingSettings> | undefined,
): Partial<Pick<TrainingSettings, 'initialWeights' | 'surfaceFeatures'>> | undefined {
  const features: unknown = change?.features;
  if (!Array.isArray(features) || !features.every(isFeature)) return undefined;
  const { initialWeights, surfaceFeatures } = carryToFeatures(base, orderedFeatures(features));
  return {
    ...(change?.initialWeights === undefined ? { initialWeights } : {}),
    ...(change?.surfaceFeatures === undefined ? { surfaceFeatures } : {}),
  };
}

/**
 * Checks `change` against `base`: the settings it leaves, and the change as
 * passed (each value as the table left it), or a SettingError naming the
 * first bad value.
 */
export function checkChange(
  base: PlaygroundSettings,
  change: SettingsChange,
): { readonly settings: PlaygroundSettings; readonly checked: CheckedChange } {
  const settings = applyChange(base, change);
  const part = <K extends 'gaussians' | 'training' | 'speed'>(key: K) => {
    const asked = change[key];
    if (!asked) return {};
    const kept = settings[key] as unknown as Record<string, unknown>;
    const names = Object.keys(asked);
    // New features carry w(0) along (carriedWeights): the change as passed sets both, or a replay would not.
    if (key === 'training' && names.includes('features')) names.push('initialWeights', 'surfaceFeatures');
    // Racer 0 and the model's rule move together (alignedRace): the change as passed sets both.
    if (key === 'training' && settings.training.race.length > 0) {
      if (names.includes('race')) names.push('optimizer', 'learningRate', 'momentum');
      else if (['optimizer', 'learningRate', 'momentum'].some((name) => names.includes(name))) names.push('race');
    }
    return { [key]: Object.fromEntries(names.map((name) => [name, kept[name]])) };
  };
  const checked = {
    ...(change.preset !== undefined ? { preset: settings.preset } : {}),
    ...part('gaussians'),
    ...part('training'),
    ...part('speed'),
  } as CheckedChange;
  return { settings, checked };
}

/**
 * Settings the table produced whole (a model file read by parseModel) as a
 * change that sets them, or only their training and speed when `dataToo` is
 * false: they passed where they came in.
 */
export function wholeChange(settings: PlaygroundSettings, dataToo = true): CheckedChange {
  const { preset, gaussians, training, speed } = settings;
  return (dataToo ? { preset, gaussians, training, speed } : { training, speed }) as CheckedChange;
}

/** `base` with a change that has passed the table: a plain merge, nothing checked again. */
export function applyChecked(base: PlaygroundSettings, change: CheckedChange): PlaygroundSettings {
  return {
    preset: change.preset ?? base.preset,
    gaussians: { ...base.gaussians, ...change.gaussians },
    training: { ...base.training, ...change.training },
    speed: { ...base.speed, ...change.speed },
  };
}

/**
 * One change that does what `first` and then `second` do: applyChange(s,
 * mergeChanges(a, b)) is applyChange(applyChange(s, a), b) for every s. Two
 * checked changes merge into a checked one: each value is checked alone.
 */
export function mergeChanges<C extends SettingsChange>(first: C, second: C): C {
  // Only a part both changes have needs merging: one alone is already in the spread below.
  const part = <K extends 'gaussians' | 'training' | 'speed'>(key: K) =>
    // Stryker disable next-line LogicalOperator: merging a part only one change has copies it as the spread would
    first[key] && second[key] ? { [key]: { ...first[key], ...second[key] } } : {};
  return { ...first, ...second, ...part('gaussians'), ...part('training'), ...part('speed') };
}

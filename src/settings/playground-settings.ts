/**
 * Everything a link can carry: the data settings, the training settings and
 * the speed. One object, validated by the settings table
 * (settings-schema.ts, through settings-change.ts), so the URL, the controls
 * and the element's API agree on what is valid.
 */
import { type GaussianSettings, TUTORIAL_GAUSSIANS } from '../model/gaussians';
import { rivalsDiffer } from '../model/race';
import type { Shape } from '../model/shapes';
import { DEFAULT_SETTINGS, type TrainingSettings } from './settings';

/** The tutorial's 40 points, two Gaussian classes, or a shape a line cannot split. */
export type Preset = 'tutorial' | 'gaussians' | Shape;

/**
 * The settings of the drawn presets: the Gaussians' means and spread, and
 * what every drawn preset has (points per class and the seed), and the
 * shapes' position noise. One group, named after its first preset, so that
 * links and model files written before the shapes read as they did.
 */
export interface DrawSettings extends GaussianSettings {
  /** σ of the shapes' position noise (see src/model/shapes.ts); the Gaussians have their std. */
  readonly noise: number;
}

/** A pace Play keeps: whole steps each animation frame, or steps per second (fractions carry over). */
export type PacedUnit = 'per-frame' | 'per-second';

/** How fast Play runs: at a pace, or as fast as possible (the most steps a frame has time for). */
export type SpeedUnit = PacedUnit | 'fastest';

export interface Speed {
  readonly unit: SpeedUnit;
  /** Steps in the unit; as fast as possible has no number, and keeps 0 here. */
  readonly value: number;
}

export interface PlaygroundSettings {
  readonly preset: Preset;
  /** Used by the drawn presets (the Gaussians and the shapes). */
  readonly gaussians: DrawSettings;
  readonly training: TrainingSettings;
  readonly speed: Speed;
}

export const DEFAULT_PLAYGROUND: PlaygroundSettings = {
  preset: 'tutorial',
  gaussians: { ...TUTORIAL_GAUSSIANS, perClass: 100, noise: 0 },
  training: DEFAULT_SETTINGS,
  // The tutorial's steps are large: four a second lets a class follow each one.
  speed: { unit: 'per-second', value: 4 },
};

/** The settings that say which data are drawn. */
export type DataSettings = Pick<PlaygroundSettings, 'preset' | 'gaussians'>;

export interface SettingsChange {
  readonly preset?: Preset;
  readonly gaussians?: Partial<DrawSettings>;
  readonly training?: Partial<TrainingSettings>;
  readonly speed?: Partial<Speed>;
}

/** Whether data of settings `b` differ from those of `a` (and so must be drawn, and training reset). */
export function dataChanged(a: DataSettings, b: DataSettings): boolean {
  if (a.preset !== b.preset) return true;
  const keys = DRAWN_BY[a.preset];
  return keys.some((key) => JSON.stringify(a.gaussians[key]) !== JSON.stringify(b.gaussians[key]));
}

/** Which of the draw settings each preset is drawn from: a change of another leaves its data as they are. */
export const DRAWN_BY: Readonly<Record<Preset, readonly (keyof DrawSettings)[]>> = {
  tutorial: [],
  gaussians: ['mean0', 'mean1', 'std', 'perClass', 'seed'],
  circle: ['perClass', 'seed', 'noise'],
  xor: ['perClass', 'seed', 'noise'],
  spiral: ['perClass', 'seed', 'noise'],
};

/** Whether a change of training settings makes the current weights meaningless: the run starts over. */
export function trainingRestarts(a: TrainingSettings, b: TrainingSettings): boolean {
  return (
    a.bias !== b.bias ||
    a.reduction !== b.reduction ||
    a.initialBias !== b.initialBias ||
    !sameNumbers(a.initialWeights, b.initialWeights) ||
    a.features.join() !== b.features.join() ||
    a.testFraction !== b.testFraction ||
    // Other racers, or a race begun or ended: every racer starts again from w(0). Racer 0 is the model.
    rivalsDiffer(a.race, b.race)
  );
}

/** Whether a change of training settings changes what the current weights measure (cost, confusion) without a restart. */
export function measureChanges(a: TrainingSettings, b: TrainingSettings): boolean {
  return a.l2 !== b.l2 || a.threshold !== b.threshold;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, j) => v === b[j]);
}

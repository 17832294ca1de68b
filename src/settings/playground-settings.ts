/**
 * Everything a link can carry: the data settings, the training settings and
 * the speed. One object, validated by the settings table
 * (settings-schema.ts, through settings-change.ts), so the URL, the controls
 * and the element's API agree on what is valid.
 */
import { type GaussianSettings, TUTORIAL_GAUSSIANS } from '../model/gaussians';
import { DEFAULT_SETTINGS, type TrainingSettings } from './settings';

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
    !sameNumbers(a.initialWeights, b.initialWeights) ||
    a.features.join() !== b.features.join()
  );
}

/** Whether a change of training settings changes what the current weights measure (cost, confusion) without a restart. */
export function measureChanges(a: TrainingSettings, b: TrainingSettings): boolean {
  return a.l2 !== b.l2 || a.threshold !== b.threshold;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, j) => v === b[j]);
}

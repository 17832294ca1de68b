/**
 * Races that teach, each a change of the settings that sets up its data,
 * its model and its racers (racer 1 is the model): η too small, right and
 * too large on the tutorial's data; gradient descent against momentum and
 * Nesterov in a narrow valley; Adam against Newton's method.
 */
import type { Racer } from '../model/race';
import type { SettingsChange } from './playground-settings';

export interface RacePreset {
  readonly id: string;
  /** How the race list names it. */
  readonly name: string;
  readonly change: SettingsChange;
}

export const RACE_PRESETS: readonly RacePreset[] = [
  {
    id: 'rates',
    name: 'η too small/big',
    // The tutorial's experiment: its η = 0.05 arrives in about twelve steps, a tenth of it crawls for a hundred
    // and more, ten times it overshoots and never settles.
    change: {
      preset: 'tutorial',
      training: {
        race: [
          { optimizer: 'gd', learningRate: 0.05 },
          { optimizer: 'gd', learningRate: 0.005 },
          { optimizer: 'gd', learningRate: 0.5 },
        ],
      },
    },
  },
  {
    id: 'valley',
    name: 'GD vs momentum',
    // Two classes far from the origin with the bias on: w and b pull along one long narrow valley. Gradient
    // descent at 0.9 of its safe rate (2/L ≈ 0.41) zigzags across it; momentum and Nesterov at the same η
    // run along it and arrive in about 140 steps, where gradient descent is still on its way after 400.
    change: {
      preset: 'gaussians',
      gaussians: { mean0: [3, 0], mean1: [5, 0], std: 1, perClass: 100, seed: 1 },
      training: {
        features: ['x1', 'x2'],
        bias: true,
        reduction: 'mean',
        initialWeights: [0, 0],
        initialBias: 0,
        batchSize: 0,
        race: [
          { optimizer: 'gd', learningRate: 0.37 },
          { optimizer: 'momentum', learningRate: 0.37, momentum: 0.9 },
          { optimizer: 'nesterov', learningRate: 0.37, momentum: 0.9 },
        ],
      },
    },
  },
  {
    id: 'adam-newton',
    name: 'Adam vs Newton',
    // From w = 0, where the curvature is well measured: Newton's full step arrives in three, Adam in some
    // twenty-five, gradient descent in a dozen.
    change: {
      preset: 'tutorial',
      training: {
        bias: true,
        initialWeights: [0, 0],
        initialBias: 0,
        batchSize: 0,
        race: [
          { optimizer: 'newton', learningRate: 1 },
          { optimizer: 'adam', learningRate: 0.5 },
          { optimizer: 'gd', learningRate: 0.05 },
        ],
      },
    },
  },
];

/** The preset whose racers these are, if one is. */
export function racePresetOf(race: readonly Racer[]): RacePreset | undefined {
  return RACE_PRESETS.find((p) => JSON.stringify(p.change.training?.race) === JSON.stringify(race));
}

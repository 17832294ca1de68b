/**
 * The training settings a user, a URL or a script can set, their defaults
 * (the tutorial's) and their limits. One place, so the element API, the URL
 * and the controls agree on what is valid.
 */
import type { Reduction } from '../model/regression';

export interface TrainingSettings {
  readonly learningRate: number;
  readonly initialWeights: readonly [number, number];
  /** Used only with the bias on; the model without bias is σ(x·w). */
  readonly initialBias: number;
  readonly bias: boolean;
  readonly reduction: Reduction;
  /** Samples per step; 0 is the full batch. */
  readonly batchSize: number;
}

/** The tutorial's experiment: w(0) = (−4, −2), η = 0.05, summed cost, no bias. */
export const DEFAULT_SETTINGS: TrainingSettings = {
  learningRate: 0.05,
  initialWeights: [-4, -2],
  initialBias: 0,
  bias: false,
  reduction: 'sum',
  batchSize: 0,
};

export const LIMITS = {
  learningRate: { min: 1e-6, max: 10 },
  /** Initial weights and bias: beyond this every logit saturates and nothing is learnt. */
  parameter: { min: -1000, max: 1000 },
  batchSize: { min: 0, max: 2_000_000 },
} as const;

export const REDUCTIONS: readonly Reduction[] = ['sum', 'mean'];

/** Why a value was refused, in words a user can act on. */
export class SettingError extends RangeError {
  override name = 'SettingError';
}

function inRange(name: string, value: number, range: { min: number; max: number }): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SettingError(`${name} must be a finite number, got ${String(value)}`);
  }
  if (value < range.min || value > range.max) {
    throw new SettingError(`${name} must be between ${range.min} and ${range.max}, got ${value}`);
  }
  return value;
}

/** Returns `base` with `changes` applied, or throws a SettingError naming the first bad value. */
export function applySettings(base: TrainingSettings, changes: Partial<TrainingSettings>): TrainingSettings {
  const next = { ...base, ...changes };
  inRange('learningRate', next.learningRate, LIMITS.learningRate);
  if (!Array.isArray(next.initialWeights) || next.initialWeights.length !== 2) {
    throw new SettingError(`initialWeights must be two numbers [w1, w2], got ${JSON.stringify(next.initialWeights)}`);
  }
  inRange('initialWeights[0]', next.initialWeights[0], LIMITS.parameter);
  inRange('initialWeights[1]', next.initialWeights[1], LIMITS.parameter);
  inRange('initialBias', next.initialBias, LIMITS.parameter);
  if (typeof next.bias !== 'boolean') throw new SettingError(`bias must be true or false, got ${String(next.bias)}`);
  if (!REDUCTIONS.includes(next.reduction)) {
    throw new SettingError(`reduction must be "sum" or "mean", got ${JSON.stringify(next.reduction)}`);
  }
  inRange('batchSize', next.batchSize, LIMITS.batchSize);
  if (!Number.isInteger(next.batchSize)) throw new SettingError(`batchSize must be an integer, got ${next.batchSize}`);
  // `+ 0` turns −0 into 0: a weight of −0 is 0 to every reader, and links cannot tell them apart.
  return {
    ...next,
    initialWeights: [next.initialWeights[0] + 0, next.initialWeights[1] + 0],
    initialBias: next.initialBias + 0,
  };
}

/** Parses "w1,w2" as the `initial-weights` attribute and the URL write it. */
export function parseWeightPair(text: string): [number, number] {
  const parts = text.split(',').map((s) => s.trim());
  const numbers = parts.map((s) => (s === '' ? Number.NaN : Number(s)));
  if (numbers.length !== 2 || numbers.some((v) => !Number.isFinite(v))) {
    throw new SettingError(`initial weights must be written "w1,w2" (two numbers), got "${text}"`);
  }
  return [numbers[0] as number, numbers[1] as number];
}

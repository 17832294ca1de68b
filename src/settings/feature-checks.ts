/**
 * The checks of the model's width: the features, w(0) with one weight per
 * feature, and the two features the cost surface shows, each named in
 * messages as the screen names it.
 */
import { FEATURE_LABELS, FEATURES, type Feature, isFeature, orderedFeatures, weightSymbol } from '../model/features';
import type { PlaygroundSettings } from './playground-settings';
import { SettingError } from './settings';
import { checkNumber, type Range, shown } from './value-checks';

/** What the screen calls weight j (0-based) of w(0): w₁(0), w₂(0), … */
export function initialWeightLabel(j: number): string {
  return `${weightSymbol(j)}(0)`;
}

/** w(0): numbers, each within the range (that there is one per feature is checked against the features). */
export function checkWeights(value: unknown, range: Range): number[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new SettingError(`w(0) must be a list of numbers, one per feature, got ${shown(value)}`);
  }
  return value.map((w, j) => checkNumber(initialWeightLabel(j), w, range));
}

/** w(0) has one number per feature of `s`. */
export function checkWeightCount(weights: readonly number[], s: PlaygroundSettings): readonly number[] {
  const { features } = s.training;
  if (weights.length !== features.length) {
    const names = features.map(featureLabel).join(', ');
    throw new SettingError(
      `w(0) must have one number per feature (${features.length}: ${names}), got ${weights.length}: ${weights.join(', ')}`,
    );
  }
  return weights;
}

/** How many features a model has: two at least, so that the cost surface has two weights to show. */
export const FEATURE_COUNT: Range = { min: 2, max: FEATURES.length };

/** The features, each known, each once, in FEATURES order; a SettingError names a bad one. */
export function checkFeatures(value: unknown): Feature[] {
  const known = FEATURES.map((f) => `"${f}"`).join(', ');
  if (!Array.isArray(value)) throw new SettingError(`features must be a list of ${known}, got ${shown(value)}`);
  const unknown = value.find((f) => !isFeature(f));
  if (unknown !== undefined) throw new SettingError(`features has no feature ${shown(unknown)}: choose from ${known}`);
  const features = orderedFeatures(value as Feature[]);
  if (features.length < FEATURE_COUNT.min) {
    throw new SettingError(
      `features must hold at least ${FEATURE_COUNT.min} different features (the cost surface shows two weights), got ${shown(value)}`,
    );
  }
  return features;
}

/** Two different features, for the cost surface's axes. */
export function checkSurfaceFeatures(value: unknown): readonly [Feature, Feature] {
  if (!Array.isArray(value) || value.length !== 2 || !value.every(isFeature) || value[0] === value[1]) {
    throw new SettingError(`the cost surface shows the weights of two different features, got ${shown(value)}`);
  }
  return [value[0] as Feature, value[1] as Feature];
}

/** The features as a link or an attribute writes them: their names, comma-separated. */
export const featureList = {
  label: 'features',
  check: checkFeatures,
  parse: (t: string): unknown => (t === '' ? [] : t.split(',')),
  format: (v: readonly Feature[]) => v.join(','),
};

/** How each feature is named on the screen, for controls and messages. */
export function featureLabel(feature: Feature): string {
  return FEATURE_LABELS[feature];
}

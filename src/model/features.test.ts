/**
 * The feature map against hand-computed values: each feature, the order of a
 * vector, the one order of the list, and the weights carried when it changes.
 */
import { describe, expect, it } from 'vitest';
import {
  carrySurfaceFeatures,
  carryWeights,
  DEFAULT_FEATURES,
  FEATURE_LABELS,
  FEATURES,
  featureValue,
  featureVector,
  isFeature,
  orderedFeatures,
} from './features';

describe('the features', () => {
  it("are the seven the playground offers, the tutorial's two first and by default", () => {
    expect(FEATURES).toEqual(['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)']);
    expect(DEFAULT_FEATURES).toEqual(['x1', 'x2']);
    expect(FEATURES.map((f) => FEATURE_LABELS[f])).toEqual(['x₁', 'x₂', 'x₁²', 'x₂²', 'x₁x₂', 'sin x₁', 'sin x₂']);
  });

  it('are each computed from the point as written', () => {
    const [x1, x2] = [1.5, -2];
    expect(FEATURES.map((f) => featureValue(f, x1, x2))).toEqual([1.5, -2, 2.25, 4, -3, Math.sin(1.5), Math.sin(-2)]);
    expect(featureValue('sin(x1)', Math.PI / 2, 0)).toBe(1);
    expect(featureValue('sin(x2)', 0, -Math.PI / 2)).toBe(-1);
  });

  it('are told apart from any other name', () => {
    for (const feature of FEATURES) expect(isFeature(feature)).toBe(true);
    for (const other of ['x3', 'X1', 'x1²', '', undefined, 1, null]) expect(isFeature(other)).toBe(false);
  });
});

describe('featureVector', () => {
  it('lists φ(x) in the order of the features asked for', () => {
    expect([...featureVector(['x2^2', 'x1', 'x1*x2'], 3, -1)]).toEqual([1, 3, -3]);
    expect([...featureVector(DEFAULT_FEATURES, 0.25, 4)]).toEqual([0.25, 4]);
    expect([...featureVector([], 1, 2)]).toEqual([]);
  });

  it('writes into the array it is given, and returns it', () => {
    const out = new Float64Array([9, 9, 9]);
    expect(featureVector(['x1', 'x2'], 1, 2, out)).toBe(out);
    expect([...out]).toEqual([1, 2, 9]);
  });
});

describe('orderedFeatures', () => {
  it('puts features in the one order, each once', () => {
    expect(orderedFeatures(['sin(x2)', 'x1^2', 'x1', 'x1^2'])).toEqual(['x1', 'x1^2', 'sin(x2)']);
    expect(orderedFeatures([])).toEqual([]);
  });
});

describe('carryWeights', () => {
  it('keeps the weight of a feature kept and starts a new one at 0', () => {
    expect(carryWeights(['x1', 'x2'], [-4, -2], ['x1', 'x2', 'x1^2', 'x2^2'])).toEqual([-4, -2, 0, 0]);
    expect(carryWeights(['x1', 'x2', 'x1^2', 'x2^2'], [-4, -2, 0.5, 0.25], ['x2', 'x2^2'])).toEqual([-2, 0.25]);
    expect(carryWeights(['x1^2', 'x1'], [7, 3], ['x1', 'x1^2'])).toEqual([3, 7]);
  });

  it('starts at 0 a feature the old list names without a weight', () => {
    expect(carryWeights(['x1', 'x2'], [5], ['x2', 'x1'])).toEqual([0, 5]);
  });
});

describe('carrySurfaceFeatures', () => {
  it('keeps the features the surface showed while the model keeps them, replacing a gone one by the first not shown', () => {
    expect(carrySurfaceFeatures(['x1', 'x2'], ['x1', 'x2', 'x1^2'])).toEqual(['x1', 'x2']);
    expect(carrySurfaceFeatures(['x1', 'x2'], ['x2', 'x1^2', 'x2^2'])).toEqual(['x2', 'x1^2']);
    expect(carrySurfaceFeatures(['x1^2', 'x2^2'], ['x1', 'x2'])).toEqual(['x1', 'x2']);
    expect(carrySurfaceFeatures(['sin(x2)', 'x1'], ['x1', 'x2', 'sin(x2)'])).toEqual(['sin(x2)', 'x1']);
  });
});

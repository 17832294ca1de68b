/**
 * The two questions a change of settings asks before it is applied: are
 * these other data (draw them, reset training)? do the weights still mean
 * anything (or does the run start over)?
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYGROUND, dataChanged, measureChanges, trainingRestarts } from './playground-settings';
import { DEFAULT_SETTINGS } from './settings';

describe('dataChanged', () => {
  const tutorial = DEFAULT_PLAYGROUND;
  const gaussians = { ...DEFAULT_PLAYGROUND, preset: 'gaussians' as const };

  it('is true for another preset, either way', () => {
    expect(dataChanged(tutorial, gaussians)).toBe(true);
    expect(dataChanged(gaussians, tutorial)).toBe(true);
  });

  it("ignores the Gaussians' settings while the tutorial's points are shown", () => {
    const otherSeed = { ...tutorial, gaussians: { ...tutorial.gaussians, seed: 99 } };
    expect(dataChanged(tutorial, otherSeed)).toBe(false);
    expect(dataChanged(tutorial, tutorial)).toBe(false);
  });

  it('is true for Gaussians drawn with any other setting, false for the same ones', () => {
    expect(dataChanged(gaussians, { ...gaussians, gaussians: { ...gaussians.gaussians } })).toBe(false);
    for (const change of [{ seed: 99 }, { perClass: 7 }, { mean0: [5, 5] as const }]) {
      expect(dataChanged(gaussians, { ...gaussians, gaussians: { ...gaussians.gaussians, ...change } })).toBe(true);
    }
  });
  it("redraws a shape for its own settings (count, seed, noise) and not for the Gaussians' means or std", () => {
    for (const preset of ['circle', 'xor', 'spiral'] as const) {
      const shape = { ...DEFAULT_PLAYGROUND, preset };
      const drawn = (change: object) => dataChanged(shape, { ...shape, gaussians: { ...shape.gaussians, ...change } });
      for (const change of [{ seed: 99 }, { perClass: 7 }, { noise: 0.5 }]) expect(drawn(change), preset).toBe(true);
      for (const change of [{ std: 3 }, { mean0: [5, 5] as const }]) expect(drawn(change), preset).toBe(false);
      expect(dataChanged(shape, gaussians)).toBe(true);
    }
    // Noise is no setting of the Gaussians.
    expect(dataChanged(gaussians, { ...gaussians, gaussians: { ...gaussians.gaussians, noise: 1 } })).toBe(false);
  });
});

describe('trainingRestarts', () => {
  it('measures again, without a restart, for a new λ or threshold, and only for those', () => {
    expect(measureChanges(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, l2: 0.1 })).toBe(true);
    expect(measureChanges(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, threshold: 0.7 })).toBe(true);
    expect(measureChanges(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, learningRate: 0.5 })).toBe(false);
    expect(trainingRestarts(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, l2: 0.1, threshold: 0.7 })).toBe(false);
  });

  it('keeps the run for a new learning rate, batch size or nothing new', () => {
    expect(trainingRestarts(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS })).toBe(false);
    expect(trainingRestarts(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, learningRate: 0.5 })).toBe(false);
    expect(trainingRestarts(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, batchSize: 8 })).toBe(false);
  });

  it('starts over for another model, cost or starting point: each alone is enough', () => {
    for (const change of [
      { bias: true },
      { reduction: 'mean' as const },
      { initialBias: 1 },
      { initialWeights: [0, DEFAULT_SETTINGS.initialWeights[1]!] },
      { initialWeights: [DEFAULT_SETTINGS.initialWeights[0]!, 0] },
      { features: ['x1', 'x2', 'x1^2'] as const, initialWeights: [...DEFAULT_SETTINGS.initialWeights, 0] },
    ]) {
      expect(trainingRestarts(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, ...change }), JSON.stringify(change)).toBe(true);
    }
  });
});

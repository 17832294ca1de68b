/**
 * The tutorial's experiment and its published numbers for part 2. The
 * experiment (TUTORIAL_SETTINGS) is what the playground starts from; the
 * numbers (TUTORIAL_REFERENCE) are what every test that checks an engine, a
 * view or the lecture against the tutorial reads.
 */
import { DEFAULT_OPTIMIZER } from './optimizers';
import { TUTORIAL_FORM } from './regression';
import type { TrainingSettings } from './training-settings';

/**
 * The tutorial's experiment, and so the playground's default training
 * settings: w(0) = (−4, −2), η = 0.05, the summed cost, no bias (b(0) = 0
 * for when it is switched on), the full batch. This is the one place these
 * values are written. They sit here, at the bottom of the layers, and not in
 * src/settings: the settings' DEFAULT_SETTINGS is this object, and the
 * engines (src/engine, below src/settings, which they may not import) start
 * from it too. An engine needs options before its first setOptions: the GPU
 * engine measures its dispatch when data are loaded, and a session loads the
 * data before it pushes its options.
 */
export const TUTORIAL_SETTINGS = {
  learningRate: 0.05,
  initialWeights: [-4, -2],
  initialBias: 0,
  bias: false,
  reduction: 'sum',
  /** 0 is the full batch. */
  batchSize: 0,
  // The tutorial's model: φ(x) = x, no penalty, class 1 from y = 0.5 on.
  ...TUTORIAL_FORM,
  // The tutorial trains on all its points.
  testFraction: 0,
  // Its cost surface: ξ(w1, w2).
  surfaceFeatures: ['x1', 'x2'],
  // Its optimiser: gradient descent (the others' constants at their usual values), racing nobody.
  ...DEFAULT_OPTIMIZER,
  race: [],
} as const satisfies TrainingSettings;

/**
 * The tutorial's published numbers for part 2: from w(0) = (−4, −2) with
 * η = 0.05, the summed cost and no bias (TUTORIAL_SETTINGS), the weights
 * after 1, 2, 3 and 10 steps, the summed cost after 10 and the points
 * misclassified then.
 */
export const TUTORIAL_REFERENCE = {
  start: TUTORIAL_SETTINGS.initialWeights,
  learningRate: TUTORIAL_SETTINGS.learningRate,
  /** w(k) to the 4 decimals the tutorial prints. */
  path: {
    1: [-2.0147, -1.0962],
    2: [-0.1327, -0.2125],
    3: [0.9148, 0.3743],
    10: [1.4854, 0.7834],
  } as const satisfies Record<number, readonly [number, number]>,
  /** Σ ξ at w(10). */
  cost10: 14.4916,
  /** Points on the wrong side of the boundary at w(10), of 40. */
  misclassified10: 6,
  /** The tutorial prints 4 decimals: agreement to within this is agreement. */
  tolerance: 1e-4,
} as const;

/** The steps the tutorial prints, in order. */
export const TUTORIAL_STEPS = [1, 2, 3, 10] as const;

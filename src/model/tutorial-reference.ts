/**
 * The tutorial's published numbers for part 2: from w(0) = (−4, −2) with
 * η = 0.05, the summed cost and no bias, the weights after 1, 2, 3 and 10
 * steps, the summed cost after 10 and the points misclassified then. Every
 * test that checks an engine, a view or the lecture against the tutorial
 * reads them from here.
 */
export const TUTORIAL_REFERENCE = {
  start: [-4, -2] as const,
  learningRate: 0.05,
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

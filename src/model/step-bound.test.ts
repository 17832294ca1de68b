import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset';
import { FEATURES } from './features';
import { generateGaussians, TUTORIAL_GAUSSIANS } from './gaussians';
import { cost, gradientDescentStep, modelOptions, TUTORIAL_FORM } from './regression';
import { curvatureBound, featureMoments, largestSymmetricEigenvalue, safeLearningRate } from './step-bound';
import { tutorialDataset } from './tutorial-data';

type Row = readonly [number, number, 0 | 1];
type Index = 0 | 1 | 2;
type Matrix3 = [[number, number, number], [number, number, number], [number, number, number]];

/** Σ x̃ x̃ᵀ with x̃ = (x1, x2, 1), summed here from the rows (not by data-summary). */
function gramMatrix(rows: readonly Row[]): Matrix3 {
  const m: Matrix3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (const [x1, x2] of rows) {
    const x = [x1, x2, 1] as const;
    for (const i of [0, 1, 2] as const) for (const j of [0, 1, 2] as const) m[i][j] += x[i] * x[j];
  }
  return m;
}

// Hundredths in [−10, 10]: no underflow in the squares.
const coordinate = fc.integer({ min: -1000, max: 1000 }).map((k) => k / 100);
const rows = fc.array(fc.tuple(coordinate, coordinate, fc.constantFrom(0 as const, 1 as const)), {
  minLength: 1,
  maxLength: 20,
});

describe('curvatureBound', () => {
  it('is λmax/4 of [[Σx1², Σx1x2], [Σx1x2, Σx2²]] without the bias, by the quadratic formula', () => {
    fc.assert(
      fc.property(rows, (r) => {
        const [[a, b], [, c]] = gramMatrix(r);
        // The roots of λ² − (a + c)λ + ac − b² = 0: (a + c)/2 ± √(((a − c)/2)² + b²).
        const lambda = (a + c) / 2 + Math.hypot((a - c) / 2, b);
        const bound = curvatureBound(datasetFromRows(r), false, 'sum');
        // The closed form loses half the digits where two eigenvalues coincide (see step-bound.ts).
        expect(Math.abs(bound - lambda / 4)).toBeLessThanOrEqual(1e-7 * lambda);
      }),
    );
  });

  it('finds λmax when the data lie along an axis that a fixed start vector of an iteration could miss', () => {
    // Σ x xᵀ = 2·(11, −10)(11, −10)ᵀ + (10, 11)(10, 11)ᵀ: eigenvectors (11, −10) and (10, 11), both of
    // squared length 221, with eigenvalues 2·221 and 221. Power iteration from (1, 1.1), which is orthogonal
    // to (11, −10), found 221.
    const data = datasetFromRows([
      [11, -10, 0],
      [-11, 10, 1],
      [10, 11, 0],
    ]);
    expect(curvatureBound(data, false, 'sum')).toBeCloseTo((2 * 221) / 4, 10);
  });

  it('is λmax/4 of the bordered 3×3 matrix with the bias, in a case worked by hand', () => {
    // x̃ = (1, 0, 1), (0, 1, 1), (1, 1, 1): Σ x̃ x̃ᵀ = [[2, 1, 2], [1, 2, 2], [2, 2, 3]]. (1, −1, 0) is an
    // eigenvector with λ = 1; on (1, 1, 0) and (0, 0, 1) the matrix acts as [[3, 2], [4, 3]], whose eigenvalues
    // are the roots of λ² − 6λ + 1: 3 ± 2√2.
    const data = datasetFromRows([
      [1, 0, 0],
      [0, 1, 1],
      [1, 1, 0],
    ]);
    const lambda = 3 + 2 * Math.SQRT2;
    expect(curvatureBound(data, true, 'sum')).toBeCloseTo(lambda / 4, 12);
    expect(curvatureBound(data, true, 'mean')).toBeCloseTo(lambda / 4 / 3, 12);
    // Without the bias: [[2, 1], [1, 2]], λmax = 3.
    expect(curvatureBound(data, false, 'sum')).toBeCloseTo(3 / 4, 12);
  });

  it('is λ/4 when Σ x̃ x̃ᵀ is λ times the identity (the three eigenvalues coincide)', () => {
    // The corners of a square about the origin: Σ x̃ x̃ᵀ = 4I.
    const data = datasetFromRows([
      [1, 1, 0],
      [-1, -1, 0],
      [1, -1, 1],
      [-1, 1, 1],
    ]);
    expect(curvatureBound(data, true, 'sum')).toBeCloseTo(1, 12);
    // Without the bias, diag(4, 4) bordered with a 0: the two largest of three coincide, to about 1e-8.
    expect(curvatureBound(data, false, 'sum')).toBeCloseTo(1, 7);
  });

  it('is 0 for data at the origin without the bias', () => {
    expect(curvatureBound(datasetFromRows([[0, 0, 1]]), false, 'sum')).toBe(0);
  });

  it('with the bias, is λ/4 for the λ that is an eigenvalue of Σ x̃ x̃ᵀ with λI − Σ x̃ x̃ᵀ positive semi-definite', () => {
    // That pair of conditions holds for λmax alone. λI − M is positive semi-definite when its principal minors
    // are ≥ 0 (within rounding); an eigenvalue makes its determinant 0.
    fc.assert(
      fc.property(rows, (r) => {
        const m = gramMatrix(r);
        const lambda = 4 * curvatureBound(datasetFromRows(r), true, 'sum');
        // The entries of λI − M, and its principal 2×2 minors.
        const at = (i: Index, j: Index) => (i === j ? lambda : 0) - m[i][j];
        const minor = (i: Index, j: Index) => at(i, i) * at(j, j) - at(i, j) * at(j, i);
        const det =
          at(0, 0) * minor(1, 2) -
          at(0, 1) * (at(1, 0) * at(2, 2) - at(1, 2) * at(2, 0)) +
          at(0, 2) * (at(1, 0) * at(2, 1) - at(1, 1) * at(2, 0));
        const tolerance = 1e-7 * lambda;
        for (const i of [0, 1, 2] as const) expect(at(i, i)).toBeGreaterThanOrEqual(-tolerance);
        for (const [i, j] of [
          [0, 1],
          [0, 2],
          [1, 2],
        ] as const) {
          expect(minor(i, j)).toBeGreaterThanOrEqual(-tolerance * lambda);
        }
        expect(Math.abs(det)).toBeLessThanOrEqual(tolerance * lambda * lambda);
      }),
    );
  });
});

describe('safeLearningRate', () => {
  it('is the closed form on a diagonal case', () => {
    // Σ x xᵀ = diag(2·9, 2·1): λmax = 18, L = 4.5.
    const data = datasetFromRows([
      [3, 0, 0],
      [-3, 0, 1],
      [0, 1, 0],
      [0, -1, 1],
    ]);
    expect(curvatureBound(data, false, 'sum')).toBeCloseTo(4.5, 9);
    expect(curvatureBound(data, false, 'mean')).toBeCloseTo(4.5 / 4, 9);
    expect(safeLearningRate(data, false, 'sum')).toBeCloseTo(2 / 4.5, 9);
  });

  it("leaves the tutorial's η = 0.05 inside the safe range, and N times more room for the mean", () => {
    const data = tutorialDataset();
    const sum = safeLearningRate(data, false, 'sum');
    expect(sum).toBeGreaterThan(0.05);
    expect(safeLearningRate(data, false, 'mean')).toBeCloseTo(sum * 40, 9);
  });

  it('shrinks with N for the summed cost', () => {
    const small = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 100 });
    const large = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 100_000 });
    expect(safeLearningRate(large, false, 'sum')).toBeLessThan(safeLearningRate(small, false, 'sum') / 500);
  });

  it('is safe: a step below it never raises the cost', () => {
    const data = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 50, seed: 3 });
    const w = fc.double({ min: -20, max: 20, noNaN: true });
    fc.assert(
      fc.property(
        w,
        w,
        w,
        fc.boolean(),
        fc.constantFrom('sum' as const, 'mean' as const),
        (w1, w2, b, bias, reduction) => {
          const learningRate = 0.99 * safeLearningRate(data, bias, reduction);
          const params = { w: [w1, w2], b: bias ? b : 0 };
          const next = gradientDescentStep(data, params, { ...modelOptions(reduction, bias), learningRate });
          expect(cost(data, next, modelOptions(reduction))).toBeLessThanOrEqual(
            cost(data, params, modelOptions(reduction)) * (1 + 1e-12) + 1e-12,
          );
        },
      ),
    );
  });
});

describe('the wider models', () => {
  it('finds λmax by Jacobi rotations: known spectra, and the closed form on every 3×3', () => {
    expect(largestSymmetricEigenvalue([[5]])).toBe(5);
    expect(
      largestSymmetricEigenvalue([
        [2, 1],
        [1, 2],
      ]),
    ).toBeCloseTo(3, 14);
    // A diagonal matrix: its largest entry, wherever it sits.
    expect(
      largestSymmetricEigenvalue([
        [1, 0, 0],
        [0, 7, 0],
        [0, 0, 3],
      ]),
    ).toBe(7);
    const rows = fc.array(
      fc.tuple(
        fc.double({ min: -9, max: 9, noNaN: true }),
        fc.double({ min: -9, max: 9, noNaN: true }),
        fc.constant(0 as const),
      ),
      { minLength: 2, maxLength: 12 },
    );
    const agree = (points: readonly (readonly [number, number, 0])[]) => {
      const data = datasetFromRows(points);
      const closed = curvatureBound(data, true, 'sum');
      // The same features in the other order take the Jacobi path: the spectrum does not care about order.
      const jacobi = curvatureBound(data, true, 'sum', { features: ['x2', 'x1'], l2: 0 });
      // The closed form is good to about 1e-8 relative where the two largest eigenvalues meet (its doc).
      expect(Math.abs(jacobi - closed)).toBeLessThanOrEqual(1e-7 * Math.max(1, closed));
    };
    // Found by the property: points on the axes at ±9, where the two largest eigenvalues meet (1.5e-9 apart).
    agree([
      [0, 8.999998494922174, 0],
      [-8.999999181690432, 0, 0],
      [8.99999952584348, 0, 0],
      [0, 0, 0],
      [0, -8.999999940270737, 0],
    ]);
    fc.assert(fc.property(rows, agree));
  });

  it('sums φ̃ φ̃ᵀ over the features (and the bias)', () => {
    const data = datasetFromRows([
      [1, 2, 0],
      [3, -1, 1],
    ]);
    // φ = (x1², x1·x2, 1): (1, 2, 1) and (9, −3, 1).
    expect(featureMoments(data, ['x1^2', 'x1*x2'], true)).toEqual([
      [82, -25, 10],
      [-25, 13, -1],
      [10, -1, 2],
    ]);
    expect(featureMoments(data, ['x1^2', 'x1*x2'], false)).toEqual([
      [82, -25],
      [-25, 13],
    ]);
  });

  it('adds λ of the penalty to L', () => {
    const data = tutorialDataset();
    const plain = curvatureBound(data, false, 'mean', { features: FEATURES, l2: 0 });
    expect(curvatureBound(data, false, 'mean', { features: FEATURES, l2: 0.5 })).toBeCloseTo(plain + 0.5, 12);
  });

  it('is safe at d = 7 with λ: a step below it never raises the penalised cost', () => {
    const data = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 30, seed: 5 });
    const weight = fc.double({ min: -3, max: 3, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(weight, { minLength: 7, maxLength: 7 }),
        weight,
        fc.boolean(),
        fc.constantFrom('sum' as const, 'mean' as const),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (w, b, bias, reduction, l2) => {
          const form = { ...TUTORIAL_FORM, features: FEATURES, l2 };
          const options = modelOptions(reduction, bias, form);
          const learningRate = 0.99 * safeLearningRate(data, bias, reduction, form);
          const params = { w, b: bias ? b : 0 };
          const next = gradientDescentStep(data, params, { ...options, learningRate });
          const before = cost(data, params, options);
          expect(cost(data, next, options)).toBeLessThanOrEqual(before * (1 + 1e-12) + 1e-12);
        },
      ),
      { numRuns: 60 },
    );
  });
});

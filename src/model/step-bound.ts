/**
 * The largest learning rate that is sure to lower the cost. The Hessian of
 * the cross-entropy is Σ σ′(z_i) x̃_i x̃_iᵀ with σ′ ≤ 1/4 and x̃ = (x1, x2, 1)
 * (the 1 only with the bias), so its largest eigenvalue is at most
 * L = λmax(Σ x̃ x̃ᵀ) / 4 (divided by N for the mean). Gradient descent with
 * η < 2/L never raises the cost; above it, steps can overshoot, and with the
 * summed cost L grows with N, which is why large data want the mean.
 */
import { summaryOf } from './data-summary';
import type { Dataset } from './dataset';
import { type Reduction, reductionScale } from './regression';

/** λmax of a symmetric positive semi-definite matrix, by power iteration (converges: its eigenvalues are ≥ 0). */
function largestEigenvalue(m: readonly (readonly number[])[]): number {
  const d = m.length;
  let v = Array.from({ length: d }, (_, i) => 1 + i * 0.1);
  let lambda = 0;
  for (let iteration = 0; iteration < 200; iteration++) {
    const next = m.map((row) => row.reduce((acc, value, j) => acc + value * (v[j] as number), 0));
    const norm = Math.hypot(...next);
    if (norm === 0) return 0;
    v = next.map((x) => x / norm);
    if (Math.abs(norm - lambda) <= 1e-12 * norm) return norm;
    lambda = norm;
  }
  return lambda;
}

/** L: the most the cost can curve, for these data, model and reduction. */
export function curvatureBound(data: Dataset, bias: boolean, reduction: Reduction): number {
  const { n, moments } = summaryOf(data);
  const [s11, s12, s22, s1, s2] = moments;
  const matrix = bias
    ? [
        [s11, s12, s1],
        [s12, s22, s2],
        [s1, s2, n],
      ]
    : [
        [s11, s12],
        [s12, s22],
      ];
  return (largestEigenvalue(matrix) / 4) * reductionScale(reduction, n);
}

/** 2/L: below this learning rate every gradient step lowers the cost. */
export function safeLearningRate(data: Dataset, bias: boolean, reduction: Reduction): number {
  return 2 / curvatureBound(data, bias, reduction);
}

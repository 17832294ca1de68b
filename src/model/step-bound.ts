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

/**
 * λmax of the symmetric matrix [[a, b, c], [b, d, e], [c, e, f]], in closed form: the largest root of
 * its characteristic cubic by the trigonometric method (O. K. Smith, 1961). With q the mean of the
 * eigenvalues and p their spread, the eigenvalues are q + 2p·cos(φ + 2πk/3), where cos 3φ =
 * det(A − qI) / (2p³). Exact to rounding but where the two largest eigenvalues (nearly) coincide: there
 * cos 3φ ≈ −1, where acos is steep, and λmax is good to about 1e-8 relative, far closer than the bound
 * needs. (Power iteration from a fixed start vector, used before, returned a smaller eigenvalue for data
 * whose main axis was orthogonal to that start.)
 */
function largestEigenvalue(a: number, b: number, c: number, d: number, e: number, f: number): number {
  const q = (a + d + f) / 3;
  const aq = a - q;
  const dq = d - q;
  const fq = f - q;
  // p² = ‖A − qI‖² / 6 (the Frobenius norm: each off-diagonal entry counts twice).
  const p = Math.sqrt((aq * aq + dq * dq + fq * fq + 2 * (b * b + c * c + e * e)) / 6);
  if (p === 0) return q; // A = qI: one eigenvalue, three times.
  const det = aq * (dq * fq - e * e) - b * (b * fq - e * c) + c * (b * e - dq * c);
  // In [−1, 1] but for rounding.
  const cos3phi = Math.min(1, Math.max(-1, det / (2 * p ** 3)));
  return q + 2 * p * Math.cos(Math.acos(cos3phi) / 3);
}

/** L: the most the cost can curve, for these data, model and reduction. */
export function curvatureBound(data: Dataset, bias: boolean, reduction: Reduction): number {
  const { n, moments } = summaryOf(data);
  const [s11, s12, s22, s1, s2] = moments;
  // Without the bias the matrix is [[s11, s12], [s12, s22]]; bordered with zeros it gains the eigenvalue 0, which
  // leaves λmax as it is (the matrix is positive semi-definite).
  const lambda = bias ? largestEigenvalue(s11, s12, s1, s22, s2, n) : largestEigenvalue(s11, s12, 0, s22, 0, 0);
  return (lambda / 4) * reductionScale(reduction, n);
}

/** 2/L: below this learning rate every gradient step lowers the cost. */
export function safeLearningRate(data: Dataset, bias: boolean, reduction: Reduction): number {
  return 2 / curvatureBound(data, bias, reduction);
}

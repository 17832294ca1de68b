/**
 * The largest learning rate that is sure to lower the cost. The Hessian of
 * the cross-entropy is Σ σ′(z_i) x̃_i x̃_iᵀ with σ′ ≤ 1/4 and x̃ = (x1, x2, 1)
 * (the 1 only with the bias), so its largest eigenvalue is at most
 * L = λmax(Σ x̃ x̃ᵀ) / 4 (divided by N for the mean; with other features,
 * φ̃ = (φ(x), 1) in place of x̃, and λ of the penalty added). Gradient descent with
 * η < 2/L never raises the cost; above it, steps can overshoot, and with the
 * summed cost L grows with N, which is why large data want the mean.
 */
import { summaryOf } from './data-summary';
import { type Dataset, sampleCount } from './dataset';
import { DEFAULT_FEATURES, type Feature, featureVector } from './features';
import { type ModelForm, type Reduction, reductionScale, TUTORIAL_FORM } from './regression';

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

/**
 * λmax of a small symmetric matrix by cyclic Jacobi rotations (Golub and Van
 * Loan, §8.5): each rotation zeroes one off-diagonal pair, the off-diagonal
 * mass falls quadratically, and the diagonal is left holding the eigenvalues.
 * For the wider models' (d + 1)² moment matrices, d ≤ 7, where no closed form
 * is at hand; every rotation is orthogonal, so no eigenvalue is lost as power
 * iteration could lose one.
 */
export function largestSymmetricEigenvalue(matrix: readonly (readonly number[])[]): number {
  const a = matrix.map((row) => row.slice());
  const n = a.length;
  const at = (i: number, j: number) => a[i]![j]!;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diagonal = 0;
    for (let p = 0; p < n; p++) {
      diagonal += at(p, p) ** 2;
      for (let q = p + 1; q < n; q++) off += at(p, q) ** 2;
    }
    if (off <= 1e-30 * diagonal) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        // The smaller root of t² + 2θt − 1 = 0: the rotation by at most 45°, which is the stable one.
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.hypot(theta, 1));
        const c = 1 / Math.hypot(t, 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const [akp, akq] = [at(k, p), at(k, q)];
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const [apk, aqk] = [at(p, k), at(q, k)];
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Math.max(...a.map((row, i) => row[i]!));
}

/** Σ φ̃ φ̃ᵀ over the data, φ̃ = φ(x) (with a last 1 for the bias): the Hessian's bound before σ′ ≤ 1/4. */
export function featureMoments(data: Dataset, features: readonly Feature[], bias: boolean): number[][] {
  const d = features.length + (bias ? 1 : 0);
  const m = Array.from({ length: d }, () => new Float64Array(d));
  const phi = new Float64Array(d);
  const p = data.points;
  for (let i = 0; i < data.targets.length; i++) {
    featureVector(features, p[2 * i]!, p[2 * i + 1]!, phi);
    if (bias) phi[d - 1] = 1;
    for (let j = 0; j < d; j++) {
      const row = m[j]!;
      for (let k = j; k < d; k++) row[k]! += phi[j]! * phi[k]!;
    }
  }
  return m.map((row, j) => Array.from(row, (v, k) => (k < j ? m[k]![j]! : v)));
}

/**
 * L: the most the cost can curve, for these data, model and reduction. The
 * penalty's Hessian is λ on the weights, which raises λmax by at most λ.
 */
export function curvatureBound(
  data: Dataset,
  bias: boolean,
  reduction: Reduction,
  form: Pick<ModelForm, 'features' | 'l2'> = TUTORIAL_FORM,
): number {
  const n = sampleCount(data);
  const wide = form.features.join() !== DEFAULT_FEATURES.join();
  const lambda = wide
    ? largestSymmetricEigenvalue(featureMoments(data, form.features, bias))
    : tutorialEigenvalue(data, bias);
  return (lambda / 4) * reductionScale(reduction, n) + form.l2;
}

/** λmax of Σ x̃ x̃ᵀ for the tutorial's features, in closed form from the summary kept with the data. */
function tutorialEigenvalue(data: Dataset, bias: boolean): number {
  const { n, moments } = summaryOf(data);
  const [s11, s12, s22, s1, s2] = moments;
  // Without the bias the matrix is [[s11, s12], [s12, s22]]; bordered with zeros it gains the eigenvalue 0, which
  // leaves λmax as it is (the matrix is positive semi-definite).
  return bias ? largestEigenvalue(s11, s12, s1, s22, s2, n) : largestEigenvalue(s11, s12, 0, s22, 0, 0);
}

/** 2/L: below this learning rate every gradient step lowers the cost. */
export function safeLearningRate(
  data: Dataset,
  bias: boolean,
  reduction: Reduction,
  form: Pick<ModelForm, 'features' | 'l2'> = TUTORIAL_FORM,
): number {
  return 2 / curvatureBound(data, bias, reduction, form);
}

/**
 * The Hessian of the cost, for Newton's method: Σ σ′(z_i)·φ̃_i φ̃_iᵀ over the
 * samples (σ′ = y(1 − y), φ̃ = φ(x) with a 1 appended for b when the bias
 * is trained), scaled as the reduction scales the sums, plus λ on the
 * weights' diagonal (the penalty's Hessian; b is not penalised). Over the
 * trained parameters only, in their order: the weights, then b.
 */
import { type Dataset, sampleCount } from './dataset';
import { featureVector } from './features';
import { logistic } from './logistic';
import { logitOfFeatures, type ModelOptions, type Params, reductionScale } from './regression';

/** The Hessian over `count` samples (sample `indexAt(k)`, or k itself), as rows of the trained parameters. */
export function hessian(
  data: Dataset,
  params: Params,
  options: Pick<ModelOptions, 'features' | 'l2' | 'bias' | 'reduction'>,
  count: number = sampleCount(data),
  indexAt?: (k: number) => number,
): number[][] {
  const d = options.features.length;
  const size = options.bias ? d + 1 : d;
  const sums = new Float64Array(size * size);
  const phi = new Float64Array(d);
  const tilde = new Float64Array(size);
  const p = data.points;
  for (let k = 0; k < count; k++) {
    const i = indexAt === undefined ? k : indexAt(k);
    featureVector(options.features, p[2 * i]!, p[2 * i + 1]!, phi);
    const y = logistic(logitOfFeatures(params, phi));
    const curvature = y * (1 - y);
    tilde.set(phi);
    if (options.bias) tilde[d] = 1;
    // The upper triangle only; the lower is its mirror.
    for (let r = 0; r < size; r++) {
      const a = curvature * tilde[r]!;
      for (let c = r; c < size; c++) sums[r * size + c]! += a * tilde[c]!;
    }
  }
  const scale = reductionScale(options.reduction, count);
  return Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) => {
      const value = sums[Math.min(r, c) * size + Math.max(r, c)]! * scale;
      return r === c && r < d ? value + options.l2 : value;
    }),
  );
}

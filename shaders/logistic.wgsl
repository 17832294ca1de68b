// The logistic function, its residual and the stable cross-entropy, in f32.
// A library: prepended to the kernels that need it (see src/gpu/shader-sources.ts).

// log(1 + e) for e = exp(−|z|) in (0, 1]. Below 1/16 a 4-term series keeps the
// digits that 1 + e would round away (relative error ≤ e⁴/5 ≈ 3e−6). Both are
// computed and one selected: no branch in the per-sample loop, where
// SwiftShader's branches are dear (see add_batch in train-samples.wgsl).
fn log1p_small(e: f32) -> f32 {
  let series = e * (1.0 - e * (0.5 - e * (1.0 / 3.0 - 0.25 * e)));
  return select(log(1.0 + e), series, e < 0.0625);
}

// ξ(t, σ(z)) = max(z, 0) − t·z + log(1 + e^(−|z|)): finite for any z.
fn cross_entropy_from_logit(t: f32, z: f32) -> f32 {
  return max(z, 0.0) - t * z + log1p_small(exp(-abs(z)));
}

// σ(z) without overflow for either sign of z.
fn logistic(z: f32) -> f32 {
  let e = exp(-abs(z));
  return select(e / (1.0 + e), 1.0 / (1.0 + e), z >= 0.0);
}

// ∂ξ/∂z = σ(z) − t and ξ itself, from one exp(−|z|) and one division (a
// training step's per-sample cost: the fused kernel's steps are little else).
// The residual is σ(z) for t = 0 and −σ(−z) for t = 1, so that a confident
// right answer gives a tiny residual rather than 1 − 1 = 0; σ of either sign
// is 1/(1 + e) on its side of 0 and e/(1 + e) on the other.
fn residual_and_cost(t: f32, z: f32) -> vec2f {
  let e = exp(-abs(z));
  let near = 1.0 / (1.0 + e);
  let far = e * near;
  let r = select(select(far, near, z >= 0.0), -select(far, near, z <= 0.0), t > 0.5);
  return vec2f(r, max(z, 0.0) - t * z + log1p_small(e));
}

// One sample's part of a training step: where it lies in the batch, its
// gradient terms, cross-entropy and correctness, and its Hessian terms. A
// library of the partials and fused kernels (src/gpu/shader-sources.ts),
// which own `config`, `points` and `labels`.

// Sample p of the batch: its index in the data.
fn batch_sample(batch: Batch, p: u32) -> u32 {
  var i = batch.start + p;
  if (batch.shuffled) {
    i = shuffled_index(i, config.n, config.half_bits, batch.key);
  }
  return i;
}

struct Sample {
  phi: Features,
  z: f32,
}

// Adds sample i's gradient terms, cross-entropy and correctness to acc; returns its features and logit.
fn add_sample(acc: ptr<function, Acc>, i: u32, w: Features, b: f32) -> Sample {
  let phi = feature_map(config.features, points[i]);
  let t = label_bit(labels[i >> 5u], i);
  let z = features_logit(phi, w, b);
  let terms = residual_and_cost(t, z);
  let r = terms.x;
  (*acc).lo += phi.lo * r;
  (*acc).hi += phi.hi * r;
  let predicted_one = z >= config.decision_logit;
  (*acc).rest += vec4f(r, terms.y, select(0.0, 1.0, predicted_one && t > 0.5), select(0.0, 1.0, !predicted_one && t < 0.5));
  return Sample(phi, z);
}

// Adds samples p = first, first + stride, … of the batch to acc. The shuffle's test is taken once, not
// a sample: inside the loop, uniform as it is, it cost SwiftShader about a seventh of a training step
// at N = 10⁶ (measured side by side).
fn add_batch(acc: ptr<function, Acc>, batch: Batch, first: u32, stride: u32, w: Features, b: f32) {
  if (batch.shuffled) {
    for (var p = first; p < batch.count; p += stride) {
      add_sample(acc, batch_sample(batch, p), w, b);
    }
  } else {
    for (var p = first; p < batch.count; p += stride) {
      add_sample(acc, batch.start + p, w, b);
    }
  }
}

// A sample's Hessian terms σ′(z)·x̃x̃ᵀ (x̃: the eight slots with 1 in slot 7, b's), upper 8×8 as
// three 4×4 blocks: slots 0–3 × 0–3, 0–3 × 4–7, 4–7 × 4–7.
struct Curvature {
  ll: mat4x4f,
  lh: mat4x4f,
  hh: mat4x4f,
}

fn add_curvature(h: ptr<function, Curvature>, s: Sample) {
  let y = logistic(s.z);
  let c = y * (1.0 - y);
  let lo = s.phi.lo;
  let hi = vec4f(s.phi.hi.xyz, 1.0);
  let clo = c * lo;
  let chi = c * hi;
  (*h).ll += mat4x4f(lo * clo.x, lo * clo.y, lo * clo.z, lo * clo.w);
  (*h).lh += mat4x4f(lo * chi.x, lo * chi.y, lo * chi.z, lo * chi.w);
  (*h).hh += mat4x4f(hi * chi.x, hi * chi.y, hi * chi.z, hi * chi.w);
}

// The twelve columns as four Accs, three a round of a workgroup sum (optimizers.wgsl's column order).
fn curvature_rounds(h: Curvature) -> array<Acc, 4> {
  return array<Acc, 4>(
    Acc(h.ll[0], h.ll[1], h.ll[2]),
    Acc(h.ll[3], h.lh[0], h.lh[1]),
    Acc(h.lh[2], h.lh[3], h.hh[0]),
    Acc(h.hh[1], h.hh[2], h.hh[3]),
  );
}

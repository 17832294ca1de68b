// The feature map φ on the GPU: every point mapped to all seven features of
// src/model/features.ts at once, feature k of FEATURES in slot k of two vec4f
// (lo: slots 0–3, hi: 4–7, slot 7 always 0), so that φ·w is two dot products
// and the gradient sums two vec4f. A model's weights sit in its features'
// slots and are 0 elsewhere, and a weight of 0 adds exactly 0 to z, so the
// tutorial's x1·w1 + x2·w2 + b is unchanged. The mask (bit k: the model has
// feature k) keeps the other slots' weights at 0 in the update and says
// whether the upper slots (x1·x2 and the sines) need computing at all.
// Why every feature and not the model's in order: picking them by a code per
// slot was an indexed read that SwiftShader ran as gathers, three times the
// cost of a step at N = 10⁵ even for two features (src/gpu/feature-slots.ts).

struct Features {
  lo: vec4f,
  hi: vec4f,
}

// Slots 4–6: x1·x2, sin x1, sin x2; slots 5–6: the sines.
const UPPER_SLOTS: u32 = 0x70u;
const SINE_SLOTS: u32 = 0x60u;

fn feature_map(mask: u32, x: vec2f) -> Features {
  let lo = vec4f(x.x, x.y, x.x * x.x, x.y * x.y);
  var hi = vec4f(0.0);
  // Uniform branches: every invocation of a dispatch reads the same mask.
  if ((mask & UPPER_SLOTS) != 0u) {
    var s = vec2f(0.0);
    if ((mask & SINE_SLOTS) != 0u) {
      s = sin(x);
    }
    hi = vec4f(x.x * x.y, s.x, s.y, 0.0);
  }
  return Features(lo, hi);
}

// 1 in the slots of the model's features, 0 elsewhere.
fn feature_slots(mask: u32) -> Features {
  let bits = vec4u(0u, 1u, 2u, 3u);
  let lo = (vec4u(mask) >> bits) & vec4u(1u);
  let hi = (vec4u(mask) >> (bits + vec4u(4u))) & vec4u(1u);
  return Features(vec4f(lo), vec4f(hi));
}

// φ·w + b, slots in order and b last: with the tutorial's weights this is x1·w1 + x2·w2 + b.
fn features_logit(phi: Features, w: Features, b: f32) -> f32 {
  return dot(phi.lo, w.lo) + dot(phi.hi, w.hi) + b;
}

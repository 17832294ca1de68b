// The feature map φ on the GPU: the model sees φ(x), up to eight features,
// held as two vec4f (lo: features 0–3, hi: 4–7) so that φ·w is two dot
// products and the gradient sums two vec4f, with no indexing into arrays.
// Which feature sits in slot j is code j of a u32, four bits a slot: the
// index into FEATURES of src/model/features.ts, or NO_FEATURE for an empty
// slot, whose φ is 0 (so its weight, which starts at 0, never moves).
// Codes in a uniform rather than pipeline constants: ticking a feature then
// costs no new pipeline (on SwiftShader each takes a noticeable compile).

const NO_FEATURE: u32 = 15u;

struct Features {
  lo: vec4f,
  hi: vec4f,
}

// Every feature of a point, in the order of FEATURES in src/model/features.ts, and a 0 for an empty slot
// (NO_FEATURE and any code past the list read it). One array indexed by the codes rather than a switch per
// slot: SwiftShader compiled a switch inlined eight times into the sample loop in about 12 s a pipeline.
// sin only where `sine` (uses_sine of the codes, worked out once by the caller) says a slot needs it.
fn feature_map(codes: u32, sine: bool, x: vec2f) -> Features {
  var s = vec2f(0.0);
  if (sine) {
    s = sin(x);
  }
  let all = array<f32, 8>(x.x, x.y, x.x * x.x, x.y * x.y, x.x * x.y, s.x, s.y, 0.0);
  return Features(
    vec4f(all[slot_code(codes, 0u)], all[slot_code(codes, 1u)], all[slot_code(codes, 2u)], all[slot_code(codes, 3u)]),
    vec4f(all[slot_code(codes, 4u)], all[slot_code(codes, 5u)], all[slot_code(codes, 6u)], all[slot_code(codes, 7u)]),
  );
}

// Slot j's code, as an index into feature_map's array: NO_FEATURE (and anything past 6) reads its last entry, 0.
fn slot_code(codes: u32, slot: u32) -> u32 {
  return min((codes >> (4u * slot)) & 15u, 7u);
}

// Whether any slot holds sin x1 (code 5) or sin x2 (code 6).
fn uses_sine(codes: u32) -> bool {
  for (var slot = 0u; slot < 8u; slot++) {
    let code = (codes >> (4u * slot)) & 15u;
    if (code == 5u || code == 6u) {
      return true;
    }
  }
  return false;
}

// φ·w + b, slots in order and b last: with φ = (x1, x2) this is x1·w1 + x2·w2 + b.
fn features_logit(phi: Features, w: Features, b: f32) -> f32 {
  return dot(phi.lo, w.lo) + dot(phi.hi, w.hi) + b;
}

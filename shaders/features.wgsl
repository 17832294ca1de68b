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

// Must list the features in the order of FEATURES in src/model/features.ts.
fn feature(code: u32, x: vec2f) -> f32 {
  switch code {
    case 0u: { return x.x; }
    case 1u: { return x.y; }
    case 2u: { return x.x * x.x; }
    case 3u: { return x.y * x.y; }
    case 4u: { return x.x * x.y; }
    case 5u: { return sin(x.x); }
    case 6u: { return sin(x.y); }
    default: { return 0.0; }
  }
}

fn feature_in_slot(codes: u32, slot: u32, x: vec2f) -> f32 {
  return feature((codes >> (4u * slot)) & 15u, x);
}

fn feature_map(codes: u32, x: vec2f) -> Features {
  return Features(
    vec4f(feature_in_slot(codes, 0u, x), feature_in_slot(codes, 1u, x), feature_in_slot(codes, 2u, x), feature_in_slot(codes, 3u, x)),
    vec4f(feature_in_slot(codes, 4u, x), feature_in_slot(codes, 5u, x), feature_in_slot(codes, 6u, x), feature_in_slot(codes, 7u, x)),
  );
}

// φ·w + b, slots in order and b last: with φ = (x1, x2) this is x1·w1 + x2·w2 + b.
fn features_logit(phi: Features, w: Features, b: f32) -> f32 {
  return dot(phi.lo, w.lo) + dot(phi.hi, w.hi) + b;
}

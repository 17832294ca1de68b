// P(t = 1 | x) = σ(φ(x)·w + b) on a size×size grid over the input plane, at
// the parameters the training kernels left in a racer's `state` (0: the
// model's): no readback needed first.

struct GridConfig {
  size: u32,
  // The model's feature slots (features.wgsl).
  features: u32,
  // Whose parameters: the racer's index in `state`.
  racer: u32,
  x1_range: vec2f,
  x2_range: vec2f,
}

@group(0) @binding(0) var<uniform> config: GridConfig;
@group(0) @binding(1) var<storage, read> state: array<TrainState>;
@group(0) @binding(2) var<storage, read_write> probabilities: array<f32>;

fn grid_coordinate(range: vec2f, i: u32) -> f32 {
  return range.x + (range.y - range.x) * f32(i) / f32(config.size - 1u);
}

const WORKGROUP_SIZE: u32 = 64u;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let cell = gid.x;
  if (cell >= config.size * config.size) {
    return;
  }
  let x = vec2f(grid_coordinate(config.x1_range, cell % config.size), grid_coordinate(config.x2_range, cell / config.size));
  let at = state[config.racer];
  probabilities[cell] = logistic(features_logit(feature_map(config.features, x), at.w, at.b));
}

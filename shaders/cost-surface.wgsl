// The cost surface on a size×size grid of two weights, w[axis_x] across and
// w[axis_y] up, every other weight and b held at `at`: the tutorial's
// ξ(w1, w2) with the default features, a slice through the cost otherwise.
// The penalty (λ/2)‖w‖² of each grid point is added. One invocation per grid
// point; the workgroup loads the samples' features a tile at a time into
// workgroup memory so each map serves WORKGROUP_SIZE grid points. Each tile
// is summed on its own before joining the total, which keeps f32 error low.
// A call may visit one slice of the samples only (first, first + stride,
// first + 2·stride, …) and scale its sum up to all n: an estimate, and,
// added up over the slices, the exact surface in pieces short enough to run
// between training steps.

struct SurfaceConfig {
  size: u32,
  // Samples held; the sum is scaled to all of them.
  n: u32,
  // Samples visited: first + k·stride for k < count.
  first: u32,
  stride: u32,
  count: u32,
  mean: u32,
  // The model's feature slots (features.wgsl).
  features: u32,
  // The weight slots varied along x and y (the slots of two of the model's features).
  axis_x: u32,
  axis_y: u32,
  // The bias of the slice (0 without the bias).
  b: f32,
  l2: f32,
  w1_range: vec2f,
  w2_range: vec2f,
  // Every weight where the axes do not set it.
  at: Features,
}

// Grid points per workgroup, and samples per tile. 128 halves the barriers of 64,
// which SwiftShader pays for dearly, at 4.5 KiB of workgroup memory: 256 (9 KiB)
// took SwiftShader 1.5 s to compile against 0.8 s, at every page's start.
const WORKGROUP_SIZE: u32 = 128u;

@group(0) @binding(0) var<uniform> config: SurfaceConfig;
@group(0) @binding(1) var<storage, read> points: array<vec2f>;
@group(0) @binding(2) var<storage, read> labels: array<u32>;
@group(0) @binding(3) var<storage, read_write> surface: array<f32>;

var<workgroup> tile_lo: array<vec4f, WORKGROUP_SIZE>;
var<workgroup> tile_hi: array<vec4f, WORKGROUP_SIZE>;
var<workgroup> tile_labels: array<f32, WORKGROUP_SIZE>;

fn grid_coordinate(range: vec2f, i: u32) -> f32 {
  return range.x + (range.y - range.x) * f32(i) / f32(config.size - 1u);
}

// `at` with slot axis_x set to u and slot axis_y to v.
fn slice_weights(u: f32, v: f32) -> Features {
  let lo_slots = vec4u(0u, 1u, 2u, 3u);
  let hi_slots = vec4u(4u, 5u, 6u, 7u);
  let lo = select(select(config.at.lo, vec4f(u), lo_slots == vec4u(config.axis_x)), vec4f(v), lo_slots == vec4u(config.axis_y));
  let hi = select(select(config.at.hi, vec4f(u), hi_slots == vec4u(config.axis_x)), vec4f(v), hi_slots == vec4u(config.axis_y));
  return Features(lo, hi);
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let cell = gid.x;
  let inside = cell < config.size * config.size;
  let w = slice_weights(grid_coordinate(config.w1_range, cell % config.size), grid_coordinate(config.w2_range, cell / config.size));
  let b = config.b;
  var total = 0.0;
  // Whether the model has any of the upper slots' features: without them (the tutorial's model, say) the
  // inner loop skips their dot product, which at 16 384 grid points per sample is most of the kernel's work.
  let upper = (config.features & UPPER_SLOTS) != 0u;
  // Every invocation walks the tiles, inside the grid or not: the barriers need all of them.
  for (var base = 0u; base < config.count; base += WORKGROUP_SIZE) {
    let k = base + lid;
    if (k < config.count) {
      let i = config.first + k * config.stride;
      let phi = feature_map(config.features, points[i]);
      tile_lo[lid] = phi.lo;
      tile_hi[lid] = phi.hi;
      tile_labels[lid] = label_bit(labels[i >> 5u], i);
    }
    workgroupBarrier();
    let m = min(WORKGROUP_SIZE, config.count - base);
    var part = 0.0;
    if (upper) {
      for (var q = 0u; q < m; q++) {
        part += cross_entropy_from_logit(tile_labels[q], features_logit(Features(tile_lo[q], tile_hi[q]), w, b));
      }
    } else {
      for (var q = 0u; q < m; q++) {
        part += cross_entropy_from_logit(tile_labels[q], dot(tile_lo[q], w.lo) + b);
      }
    }
    total += part;
    workgroupBarrier();
  }
  if (inside) {
    let count = f32(config.count);
    let data_cost = select(total * (f32(config.n) / count), total / count, config.mean == 1u);
    surface[cell] = data_cost + 0.5 * config.l2 * (dot(w.lo, w.lo) + dot(w.hi, w.hi));
  }
}

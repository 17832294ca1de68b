// The cost surface ξ(w1, w2) at a given b on a size×size grid of weights.
// One invocation per grid point; the workgroup loads the samples a tile at a
// time into workgroup memory so each load serves WORKGROUP_SIZE grid points.
// Each tile is summed on its own before joining the total, which keeps f32
// error low. A call may visit one slice of the samples only (first,
// first + stride, first + 2·stride, …) and scale its sum up to all n: an
// estimate, and, added up over the slices, the exact surface in pieces short
// enough to run between training steps.

struct SurfaceConfig {
  size: u32,
  // Samples held; the sum is scaled to all of them.
  n: u32,
  // Samples visited: first + k·stride for k < count.
  first: u32,
  stride: u32,
  count: u32,
  mean: u32,
  // The bias of the slice (0 without the bias).
  b: f32,
  w1_range: vec2f,
  w2_range: vec2f,
}

// Grid points per workgroup, and samples per tile. 256 halves the barriers of 64,
// which SwiftShader pays for dearly, at 3 KiB of workgroup memory.
const WORKGROUP_SIZE: u32 = 256u;

@group(0) @binding(0) var<uniform> config: SurfaceConfig;
@group(0) @binding(1) var<storage, read> points: array<vec2f>;
@group(0) @binding(2) var<storage, read> labels: array<u32>;
@group(0) @binding(3) var<storage, read_write> surface: array<f32>;

var<workgroup> tile_points: array<vec2f, WORKGROUP_SIZE>;
var<workgroup> tile_labels: array<f32, WORKGROUP_SIZE>;

fn grid_coordinate(range: vec2f, i: u32) -> f32 {
  return range.x + (range.y - range.x) * f32(i) / f32(config.size - 1u);
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let cell = gid.x;
  let inside = cell < config.size * config.size;
  let w = vec2f(grid_coordinate(config.w1_range, cell % config.size), grid_coordinate(config.w2_range, cell / config.size));
  let b = config.b;
  var total = 0.0;
  // Every invocation walks the tiles, inside the grid or not: the barriers need all of them.
  for (var base = 0u; base < config.count; base += WORKGROUP_SIZE) {
    let k = base + lid;
    if (k < config.count) {
      let i = config.first + k * config.stride;
      tile_points[lid] = points[i];
      tile_labels[lid] = label_bit(labels[i >> 5u], i);
    }
    workgroupBarrier();
    let m = min(WORKGROUP_SIZE, config.count - base);
    var part = 0.0;
    for (var q = 0u; q < m; q++) {
      part += cross_entropy_from_logit(tile_labels[q], dot(tile_points[q], w) + b);
    }
    total += part;
    workgroupBarrier();
  }
  if (inside) {
    let count = f32(config.count);
    surface[cell] = select(total * (f32(config.n) / count), total / count, config.mean == 1u);
  }
}

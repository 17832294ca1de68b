// Pass 1 of a training step: every workgroup sums, over its share of the batch,
// the gradient terms φ(x)·(σ(z) − t) and σ(z) − t, the cross-entropy, and the
// correct predictions, at its racer's parameters (row y), and writes one
// partial. Grid-stride, so any number of workgroups covers any N. The
// `newton` entry point also sums, for Newton's racers, the Hessian's terms
// σ′(z)·x̃x̃ᵀ (x̃: the eight slots with 1 in slot 7, b's), as four more partials
// a workgroup after the gradients' (partials[racer's first + partial_count + 4·wid + q]).

@group(0) @binding(0) var<uniform> config: TrainConfig;
@group(0) @binding(1) var<storage, read> points: array<vec2f>;
@group(0) @binding(2) var<storage, read> labels: array<u32>;
@group(0) @binding(3) var<storage, read> state: array<TrainState>;
@group(0) @binding(4) var<storage, read_write> partials: array<Acc>;
// The racers' rules: only `newton` reads them, to sum the Hessian's terms for Newton's racers alone.
@group(0) @binding(5) var<storage, read> rules: array<Rule>;

// This workgroup's share of racer `racer`'s gradient sums, written as its partial.
fn gradient_partial(racer: u32, gid: vec3u, lid: u32, wid: vec3u, groups: vec3u) {
  let batch = batch_for_step(config, state[racer].step);
  let w = state[racer].w;
  let b = state[racer].b;
  var acc = Acc(vec4f(0.0), vec4f(0.0), vec4f(0.0));
  add_batch(&acc, batch, gid.x, groups.x * WORKGROUP_SIZE, w, b);
  let total = workgroup_sum(acc, lid);
  if (lid == 0u) {
    partials[racer * config.partial_stride + wid.x] = total;
  }
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(
  @builtin(global_invocation_id) gid: vec3u,
  @builtin(local_invocation_index) lid: u32,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) groups: vec3u,
) {
  gradient_partial(wid.y, gid, lid, wid, groups);
}

// The same sums, and the Hessian's: the upper 8×8 of Σ σ′(z)·x̃x̃ᵀ as twelve
// columns of three 4×4 blocks (slots 0–3 × 0–3, 0–3 × 4–7, 4–7 × 4–7).
@compute @workgroup_size(WORKGROUP_SIZE)
fn newton(
  @builtin(global_invocation_id) gid: vec3u,
  @builtin(local_invocation_index) lid: u32,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) groups: vec3u,
) {
  let racer = wid.y;
  // The other racers of a race with a Newton racer in it need no Hessian: they take main's path, with
  // none of the Hessian's registers or reductions (a racer is a workgroup row, so the branch is uniform).
  // Their Hessian partials are left as they are: only Newton's update reads them.
  if (rules[racer].optimizer != NEWTON) {
    gradient_partial(racer, gid, lid, wid, groups);
    return;
  }
  let batch = batch_for_step(config, state[racer].step);
  let w = state[racer].w;
  let b = state[racer].b;
  var acc = Acc(vec4f(0.0), vec4f(0.0), vec4f(0.0));
  var h = Curvature(mat4x4f(), mat4x4f(), mat4x4f());
  let stride = groups.x * WORKGROUP_SIZE;
  for (var p = gid.x; p < batch.count; p += stride) {
    add_curvature(&h, add_sample(&acc, batch_sample(batch, p), w, b));
  }
  let first = racer * config.partial_stride;
  let total = workgroup_sum(acc, lid);
  if (lid == 0u) {
    partials[first + wid.x] = total;
  }
  // Three columns a round, through the same workgroup memory: a barrier first, as the last round's reads must end.
  let rounds = curvature_rounds(h);
  for (var r = 0u; r < 4u; r++) {
    workgroupBarrier();
    let sum = workgroup_sum(rounds[r], lid);
    if (lid == 0u) {
      partials[first + config.partial_count + 4u * wid.x + r] = sum;
    }
  }
}

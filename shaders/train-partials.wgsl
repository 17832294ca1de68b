// Pass 1 of a gradient step: every workgroup sums, over its share of the batch,
// the gradient terms φ(x)·(σ(z) − t) and σ(z) − t, the cross-entropy, and the
// correct predictions, and writes one partial. Grid-stride, so any number of
// workgroups covers any N.

@group(0) @binding(0) var<uniform> config: TrainConfig;
@group(0) @binding(1) var<storage, read> points: array<vec2f>;
@group(0) @binding(2) var<storage, read> labels: array<u32>;
@group(0) @binding(3) var<storage, read> state: TrainState;
@group(0) @binding(4) var<storage, read_write> partials: array<Acc>;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(
  @builtin(global_invocation_id) gid: vec3u,
  @builtin(local_invocation_index) lid: u32,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) groups: vec3u,
) {
  let batch = batch_for_step(config, state.step);
  let w = state.w;
  let b = state.b;
  var acc = Acc(vec4f(0.0), vec4f(0.0), vec4f(0.0));
  let stride = groups.x * WORKGROUP_SIZE;
  for (var p = gid.x; p < batch.count; p += stride) {
    var i = batch.start + p;
    if (batch.shuffled) {
      i = shuffled_index(i, config.n, config.half_bits, batch.key);
    }
    let phi = feature_map(config.features, points[i]);
    let t = label_bit(labels[i >> 5u], i);
    let z = features_logit(phi, w, b);
    let r = residual(t, z);
    acc.lo += phi.lo * r;
    acc.hi += phi.hi * r;
    let predicted_one = z >= config.decision_logit;
    acc.rest += vec4f(r, cross_entropy_from_logit(t, z), select(0.0, 1.0, predicted_one && t > 0.5), select(0.0, 1.0, !predicted_one && t < 0.5));
  }
  let total = workgroup_sum(acc, lid);
  if (lid == 0u) {
    partials[wid.x] = total;
  }
}

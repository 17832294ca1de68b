// Pass 2 of a gradient step, one workgroup: add the partials, take the step
// w ← w − η·∇ξ (b too with the bias on), and record where it went. The
// snapshot entry point adds the partials of a full pass without stepping.

// Where one step went, and how the model did where it started.
struct StepRecord {
  w: vec2f,
  b: f32,
  // The cost the step started from (scaled to the whole set for a mini-batch).
  cost: f32,
  // How many samples of the batch were classified right at the step's start.
  correct: f32,
}

struct Snapshot {
  // w1, w2, b, Σ ξ over all samples
  params_cost: vec4f,
  // true positives, true negatives
  counts: vec4f,
  // ∂ξ/∂w1, ∂ξ/∂w2, ∂ξ/∂b under the reduction (b's even with the bias off)
  gradient: vec4f,
}

@group(0) @binding(0) var<uniform> config: TrainConfig;
@group(0) @binding(1) var<storage, read> partials: array<Acc>;
@group(0) @binding(2) var<storage, read_write> state: TrainState;
@group(0) @binding(3) var<storage, read_write> history: array<StepRecord>;
@group(0) @binding(4) var<storage, read_write> snapshot_out: Snapshot;

fn add_partials(lid: u32) -> Acc {
  var acc = Acc(vec4f(0.0), vec4f(0.0));
  for (var j = lid; j < config.partial_count; j += WORKGROUP_SIZE) {
    acc.sums += partials[j].sums;
    acc.counts += partials[j].counts;
  }
  return workgroup_sum(acc, lid);
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn update(@builtin(local_invocation_index) lid: u32) {
  let total = add_partials(lid);
  if (lid == 0u) {
    let count = f32(batch_for_step(config, state.step).count);
    let mean = config.mean == 1u;
    let gradient = total.sums.xyz * select(1.0, 1.0 / count, mean);
    // The batch's cost scaled to the whole set: exact for the full batch, an estimate otherwise.
    let cost = total.sums.w * select(f32(config.n) / count, 1.0 / count, mean);
    let w = state.w - config.learning_rate * gradient.xy;
    let b = select(state.b, state.b - config.learning_rate * gradient.z, config.train_bias == 1u);
    history[state.step - config.first_step] = StepRecord(w, b, cost, total.counts.x + total.counts.y);
    state.w = w;
    state.b = b;
    state.step += 1u;
  }
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn snapshot(@builtin(local_invocation_index) lid: u32) {
  let total = add_partials(lid);
  if (lid == 0u) {
    let scale = select(1.0, 1.0 / f32(config.n), config.mean == 1u);
    snapshot_out = Snapshot(vec4f(state.w, state.b, total.sums.w), total.counts, vec4f(total.sums.xyz * scale, 0.0));
  }
}

// Pass 2 of a gradient step, one workgroup: add the partials, take the step
// w ← w − η·(∇ξ + λw) (b ← b − η·∂ξ/∂b with the bias on; b is never
// penalised), and record where it went. The snapshot entry point adds the
// partials of a full pass without stepping. The penalty's cost (λ/2)‖w‖² is
// added on the CPU, in double precision, from the weights recorded here.

// Where one step went, and how the model did where it started.
struct StepRecord {
  w: Features,
  b: f32,
  // The data's cost the step started from (scaled to the whole set for a mini-batch), without the penalty.
  cost: f32,
  // How many samples of the batch were classified right at the step's start.
  correct: f32,
}

struct Snapshot {
  w: Features,
  // b, Σ ξ over all samples (no penalty), true positives, true negatives
  rest: vec4f,
  // ∂cost/∂w under the reduction, λw included
  gradient: Features,
  // ∂cost/∂b under the reduction (even with the bias off)
  gradient_b: f32,
}

@group(0) @binding(0) var<uniform> config: TrainConfig;
@group(0) @binding(1) var<storage, read> partials: array<Acc>;
@group(0) @binding(2) var<storage, read_write> state: TrainState;
@group(0) @binding(3) var<storage, read_write> history: array<StepRecord>;
@group(0) @binding(4) var<storage, read_write> snapshot_out: Snapshot;

fn add_partials(lid: u32) -> Acc {
  var acc = Acc(vec4f(0.0), vec4f(0.0), vec4f(0.0));
  for (var j = lid; j < config.partial_count; j += WORKGROUP_SIZE) {
    acc = add_acc(acc, partials[j]);
  }
  return workgroup_sum(acc, lid);
}

// ∇ξ under the reduction (sums × scale) plus the penalty's λw.
fn penalised_gradient(total: Acc, scale: f32) -> Features {
  return Features(total.lo * scale + config.l2 * state.w.lo, total.hi * scale + config.l2 * state.w.hi);
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn update(@builtin(local_invocation_index) lid: u32) {
  let total = add_partials(lid);
  if (lid == 0u) {
    let count = f32(batch_for_step(config, state.step).count);
    let mean = config.mean == 1u;
    let scale = select(1.0, 1.0 / count, mean);
    let g = penalised_gradient(total, scale);
    // The batch's cost scaled to the whole set: exact for the full batch, an estimate otherwise.
    let cost = total.rest.y * select(f32(config.n) / count, 1.0 / count, mean);
    // Only the model's slots move: the others' sums are of features it does not have.
    let eta = config.learning_rate;
    let slots = feature_slots(config.features);
    let w = Features(state.w.lo - eta * g.lo * slots.lo, state.w.hi - eta * g.hi * slots.hi);
    let b = select(state.b, state.b - eta * total.rest.x * scale, config.train_bias == 1u);
    history[state.step - config.first_step] = StepRecord(w, b, cost, total.rest.z + total.rest.w);
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
    let rest = vec4f(state.b, total.rest.y, total.rest.z, total.rest.w);
    snapshot_out = Snapshot(state.w, rest, penalised_gradient(total, scale), total.rest.x * scale);
  }
}

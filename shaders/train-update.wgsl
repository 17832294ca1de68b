// Pass 2 of a training step, one workgroup a racer (row y): add its partials,
// take its optimiser's step (optimizers.wgsl) with the gradient ∇ξ + λw
// (b's ∂ξ/∂b, with the bias on; b is never penalised), and record where it
// went. The snapshot entry point adds the partials of a full pass without
// stepping.
// The penalty's cost (λ/2)‖w‖² is added on the CPU, in double precision,
// from the weights recorded here.

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
@group(0) @binding(2) var<storage, read_write> state: array<TrainState>;
@group(0) @binding(3) var<storage, read_write> history: array<StepRecord>;
@group(0) @binding(4) var<storage, read_write> snapshot_out: array<Snapshot>;
@group(0) @binding(5) var<storage, read> rules: array<Rule>;

// Adds partials[first + j·stride] over the workgroups j that wrote them.
fn add_partials(lid: u32, first: u32, stride: u32) -> Acc {
  var acc = Acc(vec4f(0.0), vec4f(0.0), vec4f(0.0));
  for (var j = lid; j < config.partial_count; j += WORKGROUP_SIZE) {
    acc = add_acc(acc, partials[first + j * stride]);
  }
  return workgroup_sum(acc, lid);
}

// The twelve columns of the Hessian's sums (train-partials.wgsl's `newton`) from a racer's
// partials at `first`, valid in invocation 0.
fn add_hessian_partials(lid: u32, first: u32) -> array<vec4f, 12> {
  var h: array<vec4f, 12>;
  for (var r = 0u; r < 4u; r++) {
    // The workgroup memory is reused: the last sum's reads must end first.
    workgroupBarrier();
    let sum = add_partials(lid, first + config.partial_count + r, 4u);
    h[3u * r] = sum.lo;
    h[3u * r + 1u] = sum.hi;
    h[3u * r + 2u] = sum.rest;
  }
  return h;
}

// ∇ξ under the reduction (sums × scale) plus the penalty's λw.
fn penalised_gradient(total: Acc, scale: f32, w: Features) -> Features {
  return Features(total.lo * scale + config.l2 * w.lo, total.hi * scale + config.l2 * w.hi);
}

// What a racer's step starts from: where it stands, its penalised gradient (b's in slot 7 of `g_hi`),
// the batch's scale and cost, and which slots move.
struct StepInputs {
  racer: u32,
  was: TrainState,
  g: Features,
  g_hi: vec4f,
  p_hi: vec4f,
  scale: f32,
  cost: f32,
  correct: f32,
  slots: Features,
  trained_hi: vec4f,
}

fn step_inputs(racer: u32, total: Acc) -> StepInputs {
  let was = state[racer];
  let count = f32(batch_for_step(config, was.step).count);
  let mean = config.mean == 1u;
  let scale = select(1.0, 1.0 / count, mean);
  let g = penalised_gradient(total, scale, was.w);
  // The batch's cost scaled to the whole set: exact for the full batch, an estimate otherwise.
  let cost = total.rest.y * select(f32(config.n) / count, 1.0 / count, mean);
  // Only the model's slots move (the others' sums are of features it does not have), and b with the bias on.
  let slots = feature_slots(config.features);
  return StepInputs(
    racer, was, g, vec4f(g.hi.xyz, total.rest.x * scale), vec4f(was.w.hi.xyz, was.b), scale, cost,
    total.rest.z + total.rest.w, slots, vec4f(slots.hi.xyz, f32(config.train_bias)),
  );
}

// A first-order rule's step (optimizers.wgsl), in the two halves of the eight slots.
fn first_order_step(s: StepInputs, rule: Rule) -> array<Half, 2> {
  let k = f32(s.was.k + 1u);
  let c1 = 1.0 - pow(config.beta1, k);
  let c2 = 1.0 - pow(config.beta2, k);
  return array<Half, 2>(
    first_order_half(rule, s.was.w.lo, s.g.lo, s.was.first.lo, s.was.second.lo, s.slots.lo, c1, c2),
    first_order_half(rule, s.p_hi, s.g_hi, s.was.first.hi, s.was.second.hi, s.trained_hi, c1, c2),
  );
}

// Records the step and moves the racer's state there.
fn take_step(s: StepInputs, lo: Half, hi: Half) {
  // Slot 7 is b's: the weights' slot 7 stays 0.
  let w = Features(lo.p, vec4f(hi.p.xyz, 0.0));
  let b = hi.p.w;
  let racer = s.racer;
  history[racer * config.history_steps + s.was.step - config.first_step] = StepRecord(w, b, s.cost, s.correct);
  state[racer].w = w;
  state[racer].b = b;
  state[racer].first = Features(lo.first, hi.first);
  state[racer].second = Features(lo.second, hi.second);
  state[racer].step = s.was.step + 1u;
  state[racer].k = s.was.k + 1u;
}

// A first-order racer's step.
fn first_order_update(racer: u32, lid: u32) {
  let total = add_partials(lid, racer * config.partial_stride, 1u);
  // After a refused step the parameters stay where they are for the rest of the submit.
  if (lid == 0u && state[racer].refused == 0u) {
    let s = step_inputs(racer, total);
    let moved = first_order_step(s, rules[racer]);
    take_step(s, moved[0], moved[1]);
  }
}

// The first-order rules only: what every page compiles (Newton's solve stays out of it, and of its compile time).
@compute @workgroup_size(WORKGROUP_SIZE)
fn update(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3u) {
  first_order_update(wid.y, lid);
}

// Every rule, Newton's included: compiled on first use, after `newton`'s partials (which sum the Hessians).
@compute @workgroup_size(WORKGROUP_SIZE)
fn update_newton(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3u) {
  let racer = wid.y;
  let rule = rules[racer];
  // The others' partials hold no Hessian (`newton` sums none for them); the branch is uniform, a racer being a row.
  if (rule.optimizer != NEWTON) {
    first_order_update(racer, lid);
    return;
  }
  let first = racer * config.partial_stride;
  let total = add_partials(lid, first, 1u);
  let curvature = add_hessian_partials(lid, first);
  if (lid == 0u && state[racer].refused == 0u) {
    let s = step_inputs(racer, total);
    let g = s.g;
    let moving = config.features | (config.train_bias << 7u);
    let solve = newton_solve(curvature, array<f32, 8>(g.lo.x, g.lo.y, g.lo.z, g.lo.w, s.g_hi.x, s.g_hi.y, s.g_hi.z, s.g_hi.w), moving, s.scale, config.l2);
    if (solve.refused) {
      state[racer].refused = 1u;
      state[racer].refused_pivot = solve.pivot;
      return;
    }
    let d = solve.delta;
    let eta = rule.learning_rate;
    let was = s.was;
    take_step(
      s,
      Half(was.w.lo - eta * vec4f(d[0], d[1], d[2], d[3]), was.first.lo, was.second.lo),
      Half(s.p_hi - eta * vec4f(d[4], d[5], d[6], d[7]), was.first.hi, was.second.hi),
    );
  }
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn snapshot(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3u) {
  let racer = wid.y;
  let total = add_partials(lid, racer * config.partial_stride, 1u);
  if (lid == 0u) {
    let scale = select(1.0, 1.0 / f32(config.n), config.mean == 1u);
    let at = state[racer];
    let rest = vec4f(at.b, total.rest.y, total.rest.z, total.rest.w);
    snapshot_out[racer] = Snapshot(at.w, rest, penalised_gradient(total, scale, at.w), total.rest.x * scale);
  }
}

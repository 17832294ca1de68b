// What every training kernel does once it has a racer's sums: the step's
// inputs, the optimiser's step (optimizers.wgsl), the record of where it went,
// and the snapshot of a full pass. A library of the update and fused kernels
// (src/gpu/shader-sources.ts), which own `config`, `state`, `history`,
// `snapshot_out` and `rules`.

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
  // Adam's bias corrections; the others skip the two pow (the fused kernel takes thousands of steps a dispatch).
  var c1 = 1.0;
  var c2 = 1.0;
  if (rule.optimizer == ADAM) {
    c1 = 1.0 - pow(config.beta1, k);
    c2 = 1.0 - pow(config.beta2, k);
  }
  return array<Half, 2>(
    first_order_half(rule, s.was.w.lo, s.g.lo, s.was.first.lo, s.was.second.lo, s.slots.lo, c1, c2),
    first_order_half(rule, s.p_hi, s.g_hi, s.was.first.hi, s.was.second.hi, s.trained_hi, c1, c2),
  );
}

// Whether a value is ±∞ or NaN, by its bits: a compiler may assume floats finite, and fold away a comparison.
fn non_finite(v: vec4f) -> bool {
  return any((bitcast<vec4u>(v) & vec4u(0x7f800000u)) == vec4u(0x7f800000u));
}

// Where parameters stand against the run's limits (src/contract/engine.ts's limitVerdict):
// 0 within, 1 past the weight limit (the step is the racer's last), 2 a leap (the step is not taken).
fn limit_verdict(w: Features, b: f32) -> u32 {
  let hi = vec4f(w.hi.xyz, b);
  if (non_finite(w.lo) || non_finite(hi) || any(abs(w.lo) > vec4f(config.leap_limit)) || any(abs(hi) > vec4f(config.leap_limit))) {
    return 2u;
  }
  return select(0u, 1u, any(abs(w.lo) > vec4f(config.weight_limit)) || any(abs(hi) > vec4f(config.weight_limit)));
}

// Whether step j of the submit is kept by a racer keeping every `stride`-th from `phase`.
fn keeps_step(j: u32, stride: u32, phase: u32) -> bool {
  return (j + phase) % stride == 0u;
}

// The slot of kept step j among the racer's records: the kept steps before it.
fn kept_slot(j: u32, stride: u32, phase: u32) -> u32 {
  return (j + phase) / stride - select(0u, 1u, phase > 0u);
}

// Records the step and moves the racer's state there: every step's record, or (Rule.keep_stride) only where
// the kept steps ended, measured there (the cost and count the next step starts from). At the run's limits
// (config.stop_at_limits) the racer stops: after a step past the weight limit, or before one that would leap.
fn take_step(s: StepInputs, lo: Half, hi: Half) {
  // Slot 7 is b's: the weights' slot 7 stays 0.
  let w = Features(lo.p, vec4f(hi.p.xyz, 0.0));
  let b = hi.p.w;
  let racer = s.racer;
  let j = s.was.step - config.first_step;
  let records = racer * config.record_slots;
  let stride = rules[racer].keep_stride;
  let phase = rules[racer].keep_phase;
  if (stride == 0u) {
    history[records + j] = StepRecord(w, b, s.cost, s.correct);
  } else if (j > 0u && keeps_step(j - 1u, stride, phase)) {
    let slot = records + kept_slot(j - 1u, stride, phase);
    history[slot].cost = s.cost;
    history[slot].correct = s.correct;
  }
  let verdict = select(0u, limit_verdict(w, b), config.stop_at_limits == 1u);
  if (verdict == 2u) {
    state[racer].refused = AT_LIMIT;
    return;
  }
  if (stride != 0u && keeps_step(j, stride, phase)) {
    let slot = records + kept_slot(j, stride, phase);
    history[slot].w = w;
    history[slot].b = b;
  }
  if (verdict == 1u) {
    state[racer].refused = AT_LIMIT;
  }
  state[racer].w = w;
  state[racer].b = b;
  state[racer].first = Features(lo.first, hi.first);
  state[racer].second = Features(lo.second, hi.second);
  state[racer].step = s.was.step + 1u;
  state[racer].k = s.was.k + 1u;
}

// Newton's damped step w ← w − η·H⁻¹g from the Hessian's twelve columns (optimizers.wgsl's layout).
// A singular H refuses it: the racer is marked, and takes no later step of the submit.
fn newton_update(s: StepInputs, curvature: array<vec4f, 12>, rule: Rule) {
  let g = s.g;
  let moving = config.features | (config.train_bias << 7u);
  let solve = newton_solve(curvature, array<f32, 8>(g.lo.x, g.lo.y, g.lo.z, g.lo.w, s.g_hi.x, s.g_hi.y, s.g_hi.z, s.g_hi.w), moving, s.scale, config.l2);
  if (solve.refused) {
    state[s.racer].refused = REFUSED;
    state[s.racer].refused_pivot = solve.pivot;
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

// The whole data set's sums at a racer's parameters, as its snapshot: b, Σ ξ, the counts and the gradient.
fn write_snapshot(racer: u32, total: Acc) {
  let scale = select(1.0, 1.0 / f32(config.n), config.mean == 1u);
  let at = state[racer];
  let rest = vec4f(at.b, total.rest.y, total.rest.z, total.rest.w);
  snapshot_out[racer] = Snapshot(at.w, rest, penalised_gradient(total, scale, at.w), total.rest.x * scale);
}

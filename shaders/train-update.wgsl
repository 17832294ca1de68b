// Pass 2 of a training step, one workgroup a racer (row y): add its partials,
// take its optimiser's step (train-step.wgsl) with the gradient ∇ξ + λw
// (b's ∂ξ/∂b, with the bias on; b is never penalised), and record where it
// went. The snapshot entry point adds the partials of a full pass without
// stepping.
// The penalty's cost (λ/2)‖w‖² is added on the CPU, in double precision,
// from the weights recorded here.

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
    newton_update(step_inputs(racer, total), curvature, rule);
  }
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn snapshot(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3u) {
  let racer = wid.y;
  let total = add_partials(lid, racer * config.partial_stride, 1u);
  if (lid == 0u) {
    write_snapshot(racer, total);
  }
}

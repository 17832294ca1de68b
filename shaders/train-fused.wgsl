// Training on data small enough that a dispatch's fixed cost dwarfs a step's
// arithmetic (src/gpu/fused-path.ts says how small): one workgroup a racer
// (row y) takes up to `dispatch_steps` steps in a loop (summing its batch,
// stepping by its rule and recording the step, as the partials and update
// kernels do in two dispatches a step), then, with `with_snapshot` and the
// submit's steps all taken, sums the whole data set at its final parameters.
// The state stays in `state` between dispatches, so a long submit is several
// short dispatches (a GPU's watchdog ends long ones).
// FUSED_SIZE invocations (a power of two: src/gpu/fused-path.ts chooses)
// share a step's samples and add up by a tree in workgroup memory.
// FUSED_NEWTON compiles Newton's sums and solve in: a pipeline without them
// compiles faster, and most runs never use them.

override FUSED_SIZE: u32 = 64u;
override FUSED_NEWTON: bool = false;

@group(0) @binding(0) var<uniform> config: TrainConfig;
@group(0) @binding(1) var<storage, read> points: array<vec2f>;
@group(0) @binding(2) var<storage, read> labels: array<u32>;
@group(0) @binding(3) var<storage, read_write> state: array<TrainState>;
@group(0) @binding(4) var<storage, read_write> history: array<StepRecord>;
@group(0) @binding(5) var<storage, read_write> snapshot_out: array<Snapshot>;
@group(0) @binding(6) var<storage, read> rules: array<Rule>;

var<workgroup> fused_scratch: array<Acc, FUSED_SIZE>;
// Invocation 0's count of the steps this dispatch takes, shared.
var<workgroup> fused_steps: u32;

// The workgroup's sum of `acc`, valid in invocation 0. The barrier after the
// last read frees the scratch for the next sum.
fn fused_sum(acc: Acc, lid: u32) -> Acc {
  fused_scratch[lid] = acc;
  for (var h = FUSED_SIZE / 2u; h > 0u; h >>= 1u) {
    workgroupBarrier();
    if (lid < h) {
      fused_scratch[lid] = add_acc(fused_scratch[lid], fused_scratch[lid + h]);
    }
  }
  workgroupBarrier();
  let total = fused_scratch[0];
  workgroupBarrier();
  return total;
}

// How many steps racer `racer` takes in this dispatch: up to `dispatch_steps` of the submit's remaining ones,
// none once refused. Agreed by the workgroup (a uniform loop bound), so no step needs a barrier to ask whether
// to go on; a step refused inside the dispatch is caught by the steps after it.
fn dispatch_steps(racer: u32, lid: u32, end: u32) -> u32 {
  if (lid == 0u) {
    let at = state[racer];
    fused_steps = select(0u, min(config.dispatch_steps, end - at.step), at.step < end && at.refused == 0u);
  }
  return workgroupUniformLoad(&fused_steps);
}

// One step of racer `racer` from where `state` holds it.
fn fused_step(racer: u32, lid: u32, rule: Rule) {
  let at = state[racer];
  let batch = batch_for_step(config, at.step);
  var acc = Acc(vec4f(0.0), vec4f(0.0), vec4f(0.0));
  // Uniform: every invocation reads the same rule.
  let newton = FUSED_NEWTON && rule.optimizer == NEWTON;
  var h = Curvature(mat4x4f(), mat4x4f(), mat4x4f());
  if (newton) {
    for (var p = lid; p < batch.count; p += FUSED_SIZE) {
      add_curvature(&h, add_sample(&acc, batch_sample(batch, p), at.w, at.b));
    }
  } else {
    add_batch(&acc, batch, lid, FUSED_SIZE, at.w, at.b);
  }
  let total = fused_sum(acc, lid);
  if (newton) {
    var columns: array<vec4f, 12>;
    let rounds = curvature_rounds(h);
    for (var r = 0u; r < 4u; r++) {
      let sum = fused_sum(rounds[r], lid);
      columns[3u * r] = sum.lo;
      columns[3u * r + 1u] = sum.hi;
      columns[3u * r + 2u] = sum.rest;
    }
    // After a refused step the racer stays where it is for the rest of the submit.
    if (lid == 0u && state[racer].refused == 0u) {
      newton_update(step_inputs(racer, total), columns, rule);
    }
  } else if (lid == 0u && state[racer].refused == 0u) {
    let s = step_inputs(racer, total);
    let moved = first_order_step(s, rule);
    take_step(s, moved[0], moved[1]);
  }
}

@compute @workgroup_size(FUSED_SIZE)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3u) {
  let racer = wid.y;
  let rule = rules[racer];
  let end = config.first_step + config.history_steps;
  let steps = dispatch_steps(racer, lid, end);
  for (var k = 0u; k < steps; k++) {
    fused_step(racer, lid, rule);
    // Invocation 0 wrote the racer's new state: the next step's reads must see it.
    storageBarrier();
  }
  // The snapshot ends the submit: once the racer has taken its last step (or was refused one).
  if (config.with_snapshot == 1u && dispatch_steps(racer, lid, end) == 0u) {
    let at = state[racer];
    var acc = Acc(vec4f(0.0), vec4f(0.0), vec4f(0.0));
    for (var i = lid; i < config.n; i += FUSED_SIZE) {
      add_sample(&acc, i, at.w, at.b);
    }
    let total = fused_sum(acc, lid);
    if (lid == 0u) {
      write_snapshot(racer, total);
    }
  }
}

// Workgroup sum of an Acc through shared memory, in two fixed-order levels:
// 8 invocations each add a run of 8 slots, then invocation 0 adds those 8.
// The portable path; reduce-subgroup.wgsl is used where subgroups exist.
// 64 invocations, not 256: SwiftShader's compile time grows with workgroup
// memory (256 slots of two vec4f took it ~2 s a pipeline, 64 take a fraction),
// and 64 is a size every GPU runs well.

const WORKGROUP_SIZE: u32 = 64u;
const RUN: u32 = 8u;

struct Acc {
  // Σ φ(x)·r over feature slots 0–3 and 4–7   (r = σ(z) − t)
  lo: vec4f,
  hi: vec4f,
  // Σ r, Σ ξ, true positives, true negatives (counts as f32: exact below 2^24 per workgroup)
  rest: vec4f,
}

var<workgroup> scratch_lo: array<vec4f, WORKGROUP_SIZE>;
var<workgroup> scratch_hi: array<vec4f, WORKGROUP_SIZE>;
var<workgroup> scratch_rest: array<vec4f, WORKGROUP_SIZE>;

fn add_acc(a: Acc, b: Acc) -> Acc {
  return Acc(a.lo + b.lo, a.hi + b.hi, a.rest + b.rest);
}

fn scratch_at(k: u32) -> Acc {
  return Acc(scratch_lo[k], scratch_hi[k], scratch_rest[k]);
}

fn set_scratch(k: u32, acc: Acc) {
  scratch_lo[k] = acc.lo;
  scratch_hi[k] = acc.hi;
  scratch_rest[k] = acc.rest;
}

// Every invocation must call this (it has barriers); the result is valid in invocation 0.
fn workgroup_sum(acc: Acc, lid: u32) -> Acc {
  set_scratch(lid, acc);
  workgroupBarrier();
  if (lid < WORKGROUP_SIZE / RUN) {
    var run = Acc(vec4f(0.0), vec4f(0.0), vec4f(0.0));
    for (var k = 0u; k < RUN; k++) {
      run = add_acc(run, scratch_at(lid * RUN + k));
    }
    // Slot lid·RUN was read above by this invocation only: safe to overwrite.
    set_scratch(lid * RUN, run);
  }
  workgroupBarrier();
  var total = Acc(vec4f(0.0), vec4f(0.0), vec4f(0.0));
  if (lid == 0u) {
    for (var k = 0u; k < WORKGROUP_SIZE / RUN; k++) {
      total = add_acc(total, scratch_at(k * RUN));
    }
  }
  return total;
}

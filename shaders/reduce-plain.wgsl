// Workgroup sum of an Acc through shared memory, in two fixed-order levels:
// 8 invocations each add a run of 8 slots, then invocation 0 adds those 8.
// The portable path; reduce-subgroup.wgsl is used where subgroups exist.
// 64 invocations, not 256: SwiftShader's compile time grows with workgroup
// memory (256 slots of two vec4f took it ~2 s a pipeline, 64 take a fraction),
// and 64 is a size every GPU runs well.

const WORKGROUP_SIZE: u32 = 64u;
const RUN: u32 = 8u;

struct Acc {
  // Σ x1·r, Σ x2·r, Σ r, Σ ξ   (r = σ(z) − t)
  sums: vec4f,
  // true positives, true negatives (as f32: exact below 2^24 per workgroup)
  counts: vec4f,
}

var<workgroup> scratch_sums: array<vec4f, WORKGROUP_SIZE>;
var<workgroup> scratch_counts: array<vec4f, WORKGROUP_SIZE>;

// Every invocation must call this (it has barriers); the result is valid in invocation 0.
fn workgroup_sum(acc: Acc, lid: u32) -> Acc {
  scratch_sums[lid] = acc.sums;
  scratch_counts[lid] = acc.counts;
  workgroupBarrier();
  if (lid < WORKGROUP_SIZE / RUN) {
    var sums = vec4f(0.0);
    var counts = vec4f(0.0);
    for (var k = 0u; k < RUN; k++) {
      sums += scratch_sums[lid * RUN + k];
      counts += scratch_counts[lid * RUN + k];
    }
    // Slot lid·RUN was read above by this invocation only: safe to overwrite.
    scratch_sums[lid * RUN] = sums;
    scratch_counts[lid * RUN] = counts;
  }
  workgroupBarrier();
  var total = Acc(vec4f(0.0), vec4f(0.0));
  if (lid == 0u) {
    for (var k = 0u; k < WORKGROUP_SIZE / RUN; k++) {
      total.sums += scratch_sums[k * RUN];
      total.counts += scratch_counts[k * RUN];
    }
  }
  return total;
}

// Workgroup sum of an Acc with subgroupAdd: one add per subgroup, then
// invocation 0 adds the subgroup totals in a fixed order (deterministic).
// Needs `enable subgroups;`, which src/gpu/shader-sources.ts puts first.
// Assumes subgroups are consecutive runs of local_invocation_index, as every
// implementation lays out 1-D workgroups; the tests check it against the plain path.

const WORKGROUP_SIZE: u32 = 256u;

struct Acc {
  sums: vec4f,
  counts: vec4f,
}

// One slot per subgroup; subgroups have at least 4 invocations.
var<workgroup> scratch_sums: array<vec4f, WORKGROUP_SIZE / 4u>;
var<workgroup> scratch_counts: array<vec4f, WORKGROUP_SIZE / 4u>;

fn workgroup_sum(acc: Acc, lid: u32) -> Acc {
  let sums = subgroupAdd(acc.sums);
  let counts = subgroupAdd(acc.counts);
  // Every invocation is active here, so this counts the subgroup's size.
  let size = subgroupAdd(1u);
  if (subgroupElect()) {
    scratch_sums[lid / size] = sums;
    scratch_counts[lid / size] = counts;
  }
  workgroupBarrier();
  var total = Acc(vec4f(0.0), vec4f(0.0));
  if (lid == 0u) {
    for (var i = 0u; i < WORKGROUP_SIZE / size; i++) {
      total.sums += scratch_sums[i];
      total.counts += scratch_counts[i];
    }
  }
  return total;
}

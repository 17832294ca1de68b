// Workgroup sum of an Acc with subgroupAdd: one add per subgroup, then
// invocation 0 adds the subgroup totals in a fixed order (deterministic).
// Needs `enable subgroups;`, which src/gpu/shader-sources.ts puts first.
// Assumes subgroups are consecutive runs of local_invocation_index, as every
// implementation lays out 1-D workgroups; the tests check it against the plain path.

const WORKGROUP_SIZE: u32 = 256u;

struct Acc {
  // Σ φ(x)·r over feature slots 0–3 and 4–7   (r = σ(z) − t)
  lo: vec4f,
  hi: vec4f,
  // Σ r, Σ ξ, true positives, true negatives
  rest: vec4f,
}

fn add_acc(a: Acc, b: Acc) -> Acc {
  return Acc(a.lo + b.lo, a.hi + b.hi, a.rest + b.rest);
}

// One slot per subgroup; subgroups have at least 4 invocations.
var<workgroup> scratch_lo: array<vec4f, WORKGROUP_SIZE / 4u>;
var<workgroup> scratch_hi: array<vec4f, WORKGROUP_SIZE / 4u>;
var<workgroup> scratch_rest: array<vec4f, WORKGROUP_SIZE / 4u>;

fn workgroup_sum(acc: Acc, lid: u32) -> Acc {
  let lo = subgroupAdd(acc.lo);
  let hi = subgroupAdd(acc.hi);
  let rest = subgroupAdd(acc.rest);
  // Every invocation is active here, so this counts the subgroup's size.
  let size = subgroupAdd(1u);
  if (subgroupElect()) {
    scratch_lo[lid / size] = lo;
    scratch_hi[lid / size] = hi;
    scratch_rest[lid / size] = rest;
  }
  workgroupBarrier();
  var total = Acc(vec4f(0.0), vec4f(0.0), vec4f(0.0));
  if (lid == 0u) {
    for (var i = 0u; i < WORKGROUP_SIZE / size; i++) {
      total = add_acc(total, Acc(scratch_lo[i], scratch_hi[i], scratch_rest[i]));
    }
  }
  return total;
}

// The optimisers' rules in f32, as src/model/optimizers.ts writes them in
// float64. The trained parameters are eight slots: the weights in their
// features' slots and b in slot 7, which no feature uses; `trained` is 1 in
// the slots that move (the model's features, and slot 7 with the bias on).
// A library of the update kernel (src/gpu/shader-sources.ts), which owns `config`.

// A Cholesky pivot at or below this fraction of H's largest diagonal entry is
// singular to f32's working precision (the CPU's float64 rule uses 1e−12).
const PIVOT_FLOOR: f32 = 1e-6;

// Half of the eight slots after a step: the parameters and the optimiser's state.
struct Half {
  p: vec4f,
  first: vec4f,
  second: vec4f,
}

// One first-order step on four slots. c1 and c2 are Adam's bias corrections 1 − β₁ᵏ and 1 − β₂ᵏ.
// Slots that do not move keep their state as well as their value.
fn first_order_half(rule: Rule, p: vec4f, g: vec4f, first: vec4f, second: vec4f, trained: vec4f, c1: f32, c2: f32) -> Half {
  let eta = rule.learning_rate;
  let on = trained > vec4f(0.5);
  switch rule.optimizer {
    case MOMENTUM, NESTEROV: {
      // v ← βv + g; w ← w − η·v (momentum) or w − η·(g + βv) (Nesterov)
      let beta = rule.momentum;
      let v = beta * first + g;
      let u = select(v, g + beta * v, rule.optimizer == NESTEROV);
      return Half(select(p, p - eta * u, on), select(first, v, on), second);
    }
    case ADAM: {
      // m ← β₁m + (1−β₁)g; s ← β₂s + (1−β₂)g²; w ← w − η·(m/c1) / (√(s/c2) + ε)
      let m = config.beta1 * first + (1.0 - config.beta1) * g;
      let s = config.beta2 * second + (1.0 - config.beta2) * g * g;
      let u = (m / c1) / (sqrt(s / c2) + config.epsilon);
      return Half(select(p, p - eta * u, on), select(first, m, on), select(second, s, on));
    }
    default: {
      // The tutorial's w ← w − η·g.
      return Half(p - eta * g * trained, first, second);
    }
  }
}

// H[r][c] for r ≤ c from the Newton partials' twelve columns (train-partials.wgsl):
// columns 0–3 hold rows 0–3 of slots 0–3, columns 4–7 rows 0–3 of slots 4–7, columns 8–11 rows 4–7 of slots 4–7.
fn hessian_sum(h: array<vec4f, 12>, r: u32, c: u32) -> f32 {
  if (r < 4u) {
    return h[c][r];
  }
  return h[c + 4u][r - 4u];
}

struct NewtonSolve {
  // H⁻¹g in the eight slots (0 where nothing moves).
  delta: array<f32, 8>,
  refused: bool,
  pivot: f32,
}

// Solves H·δ = g over the slots of `moving` (bit k: slot k) by Cholesky. H is the sums h
// times `scale`, plus λ on the diagonal of the weights (not b's slot 7).
fn newton_solve(h: array<vec4f, 12>, g: array<f32, 8>, moving: u32, scale: f32, l2: f32) -> NewtonSolve {
  var out: NewtonSolve;
  var slot: array<u32, 8>;
  var m = 0u;
  for (var k = 0u; k < 8u; k++) {
    if (((moving >> k) & 1u) != 0u) {
      slot[m] = k;
      m++;
    }
  }
  var a: array<array<f32, 8>, 8>;
  var top = 0.0;
  for (var i = 0u; i < m; i++) {
    for (var j = 0u; j <= i; j++) {
      let r = slot[j];
      let c = slot[i];
      a[i][j] = hessian_sum(h, r, c) * scale + select(0.0, l2, r == c && r < 7u);
    }
    top = max(top, a[i][i]);
  }
  // A = LLᵀ, L in place of A's lower triangle.
  for (var i = 0u; i < m; i++) {
    for (var j = 0u; j <= i; j++) {
      var sum = a[i][j];
      for (var p = 0u; p < j; p++) {
        sum -= a[i][p] * a[j][p];
      }
      if (i == j) {
        if (!(sum > PIVOT_FLOOR * top) || !(top > 0.0)) {
          out.refused = true;
          out.pivot = sum;
          return out;
        }
        a[i][i] = sqrt(sum);
      } else {
        a[i][j] = sum / a[j][j];
      }
    }
  }
  // L·y = g, then Lᵀ·x = y.
  var x: array<f32, 8>;
  for (var i = 0u; i < m; i++) {
    var sum = g[slot[i]];
    for (var p = 0u; p < i; p++) {
      sum -= a[i][p] * x[p];
    }
    x[i] = sum / a[i][i];
  }
  for (var q = 0u; q < m; q++) {
    let i = m - 1u - q;
    var sum = x[i];
    for (var p = i + 1u; p < m; p++) {
      sum -= a[p][i] * x[p];
    }
    x[i] = sum / a[i][i];
  }
  for (var i = 0u; i < m; i++) {
    out.delta[slot[i]] = x[i];
  }
  return out;
}

// What the two training kernels share: the configuration, the parameter state
// that lives on the GPU between steps, and the mini-batch schedule. A submit
// trains one model or a race of several on the same data: workgroup row y of
// every dispatch is racer y, with its own state[y] and rules[y] (racer 0 is
// the model the page shows; the grid kernels read its state).

struct TrainConfig {
  n: u32,
  // 0 (or ≥ n) is the full batch.
  batch_size: u32,
  // state.step when this submit began: step state.step − first_step of the submit is being taken.
  first_step: u32,
  shuffle_seed: u32,
  // Feistel half width: 2^(2·half_bits) ≥ n.
  half_bits: u32,
  // How many workgroups (per racer) wrote partials.
  partial_count: u32,
  // Partials per racer: partial_count of the gradients', and four times as many of the Hessians'.
  partial_stride: u32,
  // The steps of this submit.
  history_steps: u32,
  // 1: train b; 0: hold it.
  train_bias: u32,
  // 1: mean reduction; 0: sum (the tutorial's).
  mean: u32,
  // The model's feature slots (features.wgsl): only these weights move.
  features: u32,
  // λ of the penalty (λ/2)‖w‖²: its gradient λw joins the step.
  l2: f32,
  // Class 1 is predicted where z ≥ this: the logit of the threshold (0 for 0.5).
  decision_logit: f32,
  // Adam's constants (shared by every racer).
  beta1: f32,
  beta2: f32,
  epsilon: f32,
  // The fused kernel (train-fused.wgsl): the most steps one dispatch takes, and 1 to end the submit with a snapshot.
  dispatch_steps: u32,
  with_snapshot: u32,
  // Records per racer in `history`: the submit's steps, or the kept ones (Rule.keep_stride).
  record_slots: u32,
  // 1: a racer stops at the step that takes a parameter past weight_limit, and takes none past leap_limit.
  stop_at_limits: u32,
  weight_limit: f32,
  leap_limit: f32,
}

// Rule.optimizer: the order of OPTIMIZERS in src/model/optimizers.ts (the rules are in optimizers.wgsl).
const GD: u32 = 0u;
const MOMENTUM: u32 = 1u;
const NESTEROV: u32 = 2u;
const ADAM: u32 = 3u;
const NEWTON: u32 = 4u;

// TrainState.refused: a Newton step was refused; a step reached (or would leap past) the run's limits.
const REFUSED: u32 = 1u;
const AT_LIMIT: u32 = 2u;

// A racer's rule: which optimiser, its η and its β.
struct Rule {
  optimizer: u32,
  learning_rate: f32,
  momentum: f32,
  // 0: a record every step; s: only where steps j with (j + keep_phase) mod s = 0 ended (train-step.wgsl).
  keep_stride: u32,
  keep_phase: u32,
}

// A racer's parameters and step counter: written only by the update kernel.
struct TrainState {
  // One weight per feature slot; the slots of features the model lacks stay 0.
  w: Features,
  b: f32,
  // Steps since the parameters were last set: drives the batch schedule.
  step: u32,
  // The optimiser's state, b's in slot 7 (no feature uses it): momentum's and
  // Nesterov's v or Adam's m, and Adam's s. Zero at w(0).
  first: Features,
  second: Features,
  // Steps the optimiser has taken: k − 1 before step k (Adam's bias correction).
  k: u32,
  // Why the racer takes no later step of the submit: 0 none, REFUSED (a singular Hessian), AT_LIMIT.
  refused: u32,
  // The pivot that refused it.
  refused_pivot: f32,
}

struct Batch {
  start: u32,
  count: u32,
  key: u32,
  shuffled: bool,
}

// Step s reads batch s mod ⌈n/B⌉ of epoch ⌊s/⌈n/B⌉⌋; the last batch of an epoch may be short.
fn batch_for_step(config: TrainConfig, step: u32) -> Batch {
  if (config.batch_size == 0u || config.batch_size >= config.n) {
    return Batch(0u, config.n, 0u, false);
  }
  let per_epoch = (config.n + config.batch_size - 1u) / config.batch_size;
  let epoch = step / per_epoch;
  let start = (step % per_epoch) * config.batch_size;
  return Batch(start, min(config.batch_size, config.n - start), epoch_key(config.shuffle_seed, epoch), true);
}

// Class labels are packed 32 to a u32: sample i's is bit i mod 32 of word i / 32.
fn label_bit(word: u32, i: u32) -> f32 {
  return f32((word >> (i & 31u)) & 1u);
}

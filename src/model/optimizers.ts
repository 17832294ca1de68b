/**
 * The optimisers beyond the tutorial's gradient descent, as rules on one
 * step: given the gradient g of the (penalised) cost at step k, each moves
 * every trained parameter (the weights, and b with the bias on) by
 *
 *   gd:        w ← w − η·g
 *   momentum:  v ← βv + g;  w ← w − η·v
 *   nesterov:  v ← βv + g;  w ← w − η·(g + βv)
 *   adam:      m ← β₁m + (1−β₁)g;  s ← β₂s + (1−β₂)g²;
 *              w ← w − η·(m/(1−β₁ᵏ)) / (√(s/(1−β₂ᵏ)) + ε)
 *   newton:    w ← w − η·H⁻¹g   (H: the Hessian of the same cost; η the damping)
 *
 * The state (v, or m and s, and k) starts at zero with w(0). Double
 * precision, no DOM, no GPU: the engines are held to these functions.
 */
import { flatParams, type Params, paramsOfFlat } from './regression';

export const OPTIMIZERS = ['gd', 'momentum', 'nesterov', 'adam', 'newton'] as const;
export type Optimizer = (typeof OPTIMIZERS)[number];

export interface OptimizerSettings {
  readonly optimizer: Optimizer;
  /** β of momentum and Nesterov. */
  readonly momentum: number;
  /** Adam's β₁, β₂ and ε. */
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

/** Gradient descent, and the usual constants of the others (Adam's as Kingma and Ba give them). */
export const DEFAULT_OPTIMIZER: OptimizerSettings = {
  optimizer: 'gd',
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
};

/** What an optimiser carries from step to step, zero at w(0). */
export interface OptimizerState {
  /** Steps taken: k − 1 before step k. */
  readonly steps: number;
  /** Momentum's and Nesterov's v; Adam's m. */
  readonly first: Params;
  /** Adam's s. */
  readonly second: Params;
}

/** Whether a rule carries anything from step to step but the count: momentum's and Nesterov's v, Adam's m, s and k. */
export function carriesState(optimizer: Optimizer): boolean {
  return optimizer === 'momentum' || optimizer === 'nesterov' || optimizer === 'adam';
}

function zeros(width: number): Params {
  return { w: new Array<number>(width).fill(0), b: 0 };
}

/** The state at w(0), for a model of `width` weights. */
export function initialOptimizerState(width: number): OptimizerState {
  return { steps: 0, first: zeros(width), second: zeros(width) };
}

export interface OptimizerStep {
  readonly params: Params;
  readonly state: OptimizerState;
}

/**
 * One step of a first-order optimiser from `params`, with `grad` the
 * gradient there. Newton's step needs the Hessian: newtonStep.
 */
export function firstOrderStep(
  params: Params,
  grad: Params,
  state: OptimizerState,
  settings: OptimizerSettings,
  learningRate: number,
  bias: boolean,
): OptimizerStep {
  const d = params.w.length;
  const p = flatParams(params);
  const first = flatParams(state.first);
  const second = flatParams(state.second);
  const k = state.steps + 1;
  firstOrderStepInPlace(settings, learningRate, k, d + (bias ? 1 : 0), p, flatParams(grad), first, second);
  return {
    params: paramsOfFlat(p, d),
    state: { steps: k, first: paramsOfFlat(first, d), second: paramsOfFlat(second, d) },
  };
}

/**
 * The rules of the header on flat vectors [w…, b], in place: step k
 * (1-based) moves the first `trained` entries of `p` (b too only with the
 * bias on) and of the state `first` and `second` it uses, from the gradient
 * `g`; the entries past them are left as they are. firstOrderStep's rule,
 * and the CPU engine's, which takes many steps without an object a step.
 */
export function firstOrderStepInPlace(
  settings: OptimizerSettings,
  eta: number,
  k: number,
  trained: number,
  p: Float64Array,
  g: Float64Array,
  first: Float64Array,
  second: Float64Array,
): void {
  switch (settings.optimizer) {
    case 'gd':
      // The tutorial's rule, as applyGradient (regression.ts) writes it for one step.
      for (let j = 0; j < trained; j++) p[j] = p[j]! - eta * g[j]!;
      return;
    case 'momentum':
    case 'nesterov': {
      const beta = settings.momentum;
      const nesterov = settings.optimizer === 'nesterov';
      for (let j = 0; j < trained; j++) {
        const v = beta * first[j]! + g[j]!;
        first[j] = v;
        p[j] = p[j]! - eta * (nesterov ? g[j]! + beta * v : v);
      }
      return;
    }
    case 'adam': {
      const { beta1, beta2, epsilon } = settings;
      const c1 = 1 - beta1 ** k;
      const c2 = 1 - beta2 ** k;
      for (let j = 0; j < trained; j++) {
        const m = beta1 * first[j]! + (1 - beta1) * g[j]!;
        const s = beta2 * second[j]! + (1 - beta2) * g[j]! ** 2;
        first[j] = m;
        second[j] = s;
        p[j] = p[j]! - (eta * (m / c1)) / (Math.sqrt(s / c2) + epsilon);
      }
      return;
    }
    case 'newton':
      throw new Error('firstOrderStep: Newton’s method needs the Hessian (newtonStep)');
  }
}

/** A Hessian Newton's step cannot use: singular, or not positive definite, to working precision. */
export class SingularHessianError extends Error {
  constructor(readonly pivot: number) {
    super(`the Hessian is singular (pivot ${pivot.toExponential(2)}): Newton's step is refused`);
  }
}

/**
 * Solves H·x = g for the symmetric positive definite H by Cholesky
 * (H = LLᵀ). A pivot at or below 1e-12 of H's largest diagonal entry means
 * H is singular to working precision (a feature that is 0 on every sample,
 * or σ′ ≈ 0 everywhere once the data are separated): SingularHessianError,
 * never a step of NaN or 10¹⁶.
 */
export function solveSymmetric(h: readonly (readonly number[])[], g: readonly number[]): number[] {
  const n = g.length;
  const scale = Math.max(...h.map((row, i) => Math.abs(row[i]!)), 0);
  const l = h.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = h[i]![j]!;
      for (let p = 0; p < j; p++) sum -= l[i]![p]! * l[j]![p]!;
      if (i === j) {
        if (!(sum > 1e-12 * scale) || scale === 0) throw new SingularHessianError(sum);
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  // L·y = g, then Lᵀ·x = y.
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = g[i]!;
    for (let p = 0; p < i; p++) sum -= l[i]![p]! * y[p]!;
    y[i] = sum / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let p = i + 1; p < n; p++) sum -= l[p]![i]! * x[p]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

/**
 * Newton's step w ← w − η·H⁻¹g over the trained parameters: the weights,
 * then b with the bias on (H's last row and column). `hessian` is over the
 * same parameters in the same order.
 */
export function newtonStep(
  params: Params,
  grad: Params,
  hessian: readonly (readonly number[])[],
  state: OptimizerState,
  learningRate: number,
  bias: boolean,
): OptimizerStep {
  const g = bias ? [...grad.w, grad.b] : [...grad.w];
  const delta = solveSymmetric(hessian, g);
  const d = params.w.length;
  return {
    params: {
      w: params.w.map((w, j) => w - learningRate * delta[j]!),
      b: bias ? params.b - learningRate * delta[d]! : params.b,
    },
    state: { ...state, steps: state.steps + 1 },
  };
}

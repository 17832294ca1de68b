import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIMIZER,
  firstOrderStep,
  initialOptimizerState,
  newtonStep,
  type OptimizerSettings,
  SingularHessianError,
  solveSymmetric,
} from './optimizers';
import { applyGradient, type Params } from './regression';

/** The rules on plain arrays (the trained parameters, b last when trained), written apart from the module. */
function reference(
  optimizer: 'gd' | 'momentum' | 'nesterov' | 'adam',
  gradients: number[][],
  start: number[],
  eta: number,
  beta = 0.9,
  beta1 = 0.9,
  beta2 = 0.999,
  epsilon = 1e-8,
): number[][] {
  let w = [...start];
  let v = start.map(() => 0);
  let s = start.map(() => 0);
  const out: number[][] = [];
  gradients.forEach((g, index) => {
    const k = index + 1;
    if (optimizer === 'gd') w = w.map((x, j) => x - eta * g[j]!);
    if (optimizer === 'momentum' || optimizer === 'nesterov') {
      v = v.map((x, j) => beta * x + g[j]!);
      w =
        optimizer === 'momentum' ? w.map((x, j) => x - eta * v[j]!) : w.map((x, j) => x - eta * (g[j]! + beta * v[j]!));
    }
    if (optimizer === 'adam') {
      v = v.map((m, j) => beta1 * m + (1 - beta1) * g[j]!);
      s = s.map((q, j) => beta2 * q + (1 - beta2) * g[j]! * g[j]!);
      w = w.map((x, j) => x - (eta * (v[j]! / (1 - beta1 ** k))) / (Math.sqrt(s[j]! / (1 - beta2 ** k)) + epsilon));
    }
    out.push([...w]);
  });
  return out;
}

const toParams = (values: number[], bias: boolean, heldB: number): Params =>
  bias ? { w: values.slice(0, -1), b: values.at(-1)! } : { w: values, b: heldB };

describe('first-order optimisers', () => {
  const vector = (n: number) => fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n });

  for (const optimizer of ['gd', 'momentum', 'nesterov', 'adam'] as const) {
    it(`${optimizer}: follows the rules step by step, the bias trained or held`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 5 }),
          fc.boolean(),
          fc.double({ min: 1e-3, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 0.99, noNaN: true }),
          fc.array(vector(6), { minLength: 1, maxLength: 12 }),
          (d, bias, eta, beta, steps) => {
            const width = bias ? d + 1 : d;
            const gradients = steps.map((g) => g.slice(0, width));
            const start = steps[0]!.map((x) => x / 2).slice(0, width);
            const settings: OptimizerSettings = { ...DEFAULT_OPTIMIZER, optimizer, momentum: beta };
            const heldB = 0.25;
            let params = toParams(start, bias, heldB);
            let state = initialOptimizerState(d);
            const expected = reference(optimizer, gradients, start, eta, beta);
            gradients.forEach((g, k) => {
              ({ params, state } = firstOrderStep(params, toParams(g, bias, 7), state, settings, eta, bias));
              const want = toParams(expected[k]!, bias, heldB);
              for (const [j, w] of params.w.entries()) expect(w).toBeCloseTo(want.w[j]!, 10);
              expect(params.b).toBeCloseTo(want.b, 10);
              expect(state.steps).toBe(k + 1);
            });
          },
        ),
      );
    });
  }

  it('gradient descent is the tutorial’s step (applyGradient) to the last bit, the bias trained or held', () => {
    fc.assert(
      fc.property(
        vector(4),
        vector(4),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        fc.boolean(),
        (p, g, eta, bias) => {
          const params: Params = { w: p.slice(0, 3), b: p[3]! };
          const grad: Params = { w: g.slice(0, 3), b: g[3]! };
          const step = firstOrderStep(params, grad, initialOptimizerState(3), DEFAULT_OPTIMIZER, eta, bias);
          expect(step.params).toEqual(applyGradient(params, grad, { learningRate: eta, bias }));
        },
      ),
    );
  });

  it('momentum with β = 0 and Nesterov with β = 0 are gradient descent; Adam’s first step is η·sign(g)', () => {
    const p = { w: [1, -2], b: 0.5 };
    const g = { w: [0.3, -4], b: 2 };
    const gd = firstOrderStep(p, g, initialOptimizerState(2), DEFAULT_OPTIMIZER, 0.1, true).params;
    for (const optimizer of ['momentum', 'nesterov'] as const) {
      const other = firstOrderStep(
        p,
        g,
        initialOptimizerState(2),
        { ...DEFAULT_OPTIMIZER, optimizer, momentum: 0 },
        0.1,
        true,
      );
      expect(other.params).toEqual(gd);
    }
    const adam = firstOrderStep(p, g, initialOptimizerState(2), { ...DEFAULT_OPTIMIZER, optimizer: 'adam' }, 0.1, true);
    expect(adam.params.w[0]).toBeCloseTo(0.9, 6);
    expect(adam.params.w[1]).toBeCloseTo(-1.9, 6);
    expect(adam.params.b).toBeCloseTo(0.4, 6);
  });

  it('refuses Newton’s method without its Hessian', () => {
    const settings = { ...DEFAULT_OPTIMIZER, optimizer: 'newton' as const };
    expect(() =>
      firstOrderStep({ w: [0], b: 0 }, { w: [1], b: 0 }, initialOptimizerState(1), settings, 1, false),
    ).toThrow(/needs the Hessian/);
  });
});

describe('Newton’s step', () => {
  it('solves H·x = g exactly for a symmetric positive definite H', () => {
    const h = [
      [4, 1, 0.5],
      [1, 3, -0.2],
      [0.5, -0.2, 2],
    ];
    const x = [0.3, -1.2, 2.5];
    const g = h.map((row) => row.reduce((s, v, j) => s + v * x[j]!, 0));
    const solved = solveSymmetric(h, g);
    for (const [j, v] of solved.entries()) expect(v).toBeCloseTo(x[j]!, 12);
  });

  it('reports a singular Hessian, never a step of NaN or a huge one', () => {
    // A feature that is 0 on every sample: its row and column of H are 0.
    expect(() =>
      solveSymmetric(
        [
          [2, 0],
          [0, 0],
        ],
        [1, 1],
      ),
    ).toThrow(SingularHessianError);
    // Two equal features: H is singular though no entry is 0.
    expect(() =>
      solveSymmetric(
        [
          [1, 1],
          [1, 1],
        ],
        [1, 0],
      ),
    ).toThrow(/singular/);
    expect(() => solveSymmetric([[0]], [1])).toThrow(SingularHessianError);
  });

  it('on a quadratic, one undamped step lands on the minimum; η scales the step; b held without the bias', () => {
    // cost = ½ (w − w*)ᵀ H (w − w*): the gradient at w is H (w − w*).
    const h = [
      [2, 0.5],
      [0.5, 1],
    ];
    const target = [1.5, -0.75];
    const p = { w: [0, 0], b: 3 };
    const g = { w: h.map((row) => row.reduce((s, v, j) => s + v * (p.w[j]! - target[j]!), 0)), b: 99 };
    const full = newtonStep(p, g, h, initialOptimizerState(2), 1, false);
    expect(full.params.w[0]).toBeCloseTo(1.5, 12);
    expect(full.params.w[1]).toBeCloseTo(-0.75, 12);
    expect(full.params.b).toBe(3);
    expect(full.state.steps).toBe(1);
    const half = newtonStep(p, g, h, initialOptimizerState(2), 0.5, false);
    expect(half.params.w[0]).toBeCloseTo(0.75, 12);
  });
});

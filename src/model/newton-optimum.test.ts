/**
 * Newton's method, undamped, reaches scikit-learn's optimum (committed in
 * sklearn-optimum/optimum.json by scripts/sklearn-optimum.py) within 10
 * steps from w = 0: the rule of src/model/optimizers.ts with the Hessian of
 * src/model/hessian.ts, on the model's own functions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { hessian } from './hessian';
import { initialOptimizerState, newtonStep } from './optimizers';
import { cost, gradient, modelOptions, type Params } from './regression';
import { QUADRATIC } from './sklearn-optimum/cases';
import optimum from './sklearn-optimum/optimum.json';

const data = parseCsv(readFileSync(new URL('./sklearn-optimum/circle.csv', import.meta.url), 'utf8'));

describe('Newton’s method', () => {
  it.each(optimum.cases)('reaches the scikit-learn optimum’s cost to 1e-6 within 10 steps ($name)', (fitted) => {
    const options = modelOptions(fitted.reduction === 'sum' ? 'sum' : 'mean', true, {
      features: QUADRATIC,
      l2: fitted.l2,
      threshold: 0.5,
    });
    let params: Params = { w: QUADRATIC.map(() => 0), b: 0 };
    let state = initialOptimizerState(QUADRATIC.length);
    const costs = [cost(data, params, options)];
    for (let k = 0; k < 10; k++) {
      ({ params, state } = newtonStep(
        params,
        gradient(data, params, options),
        hessian(data, params, options),
        state,
        1,
        true,
      ));
      costs.push(cost(data, params, options));
    }
    const reachedAt = costs.findIndex((c) => Math.abs(c - fitted.cost) / fitted.cost < 1e-6);
    expect(reachedAt, `costs ${costs.join(', ')}`).toBeGreaterThan(0);
    expect(reachedAt).toBeLessThanOrEqual(10);
    // To 3 decimals: lbfgs stopped with a gradient of its own (3.5e-3 in the summed case), Newton goes further.
    for (const [j, w] of params.w.entries()) expect(w).toBeCloseTo(fitted.weights[j]!, 3);
  });
});

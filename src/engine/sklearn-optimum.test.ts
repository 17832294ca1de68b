/**
 * Quadratic features reach scikit-learn's optimum. scripts/sklearn-optimum.py
 * fitted LogisticRegression (lbfgs) to the noisy circle in
 * src/model/sklearn-optimum/circle.csv and committed the optimum in optimum.json; here
 * the CPU engine, the playground's specification, trains the same model by
 * plain gradient descent from zero and must come to the same cost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_TRAIN_STEPS } from '../contract/engine';
import { formatCsv, parseCsv } from '../model/csv';
import { cost, modelOptions, type Params } from '../model/regression';
import { generateShape } from '../model/shapes';
import { QUADRATIC, SKLEARN_CASES, SKLEARN_DATA } from '../model/sklearn-optimum/cases';
import optimum from '../model/sklearn-optimum/optimum.json';
import { safeLearningRate } from '../model/step-bound';
import { CpuEngine } from './cpu-engine';

const csvText = readFileSync(new URL('../model/sklearn-optimum/circle.csv', import.meta.url), 'utf8');
const data = parseCsv(csvText);

/**
 * Four times the steps the slowest case needs to come within 1e-7 at 0.9 of the safe rate (measured: 4096
 * for the mean without λ), so the test does not hang on where exactly the descent settles.
 */
const STEPS = 4 * MAX_TRAIN_STEPS;

async function trained(reduction: 'sum' | 'mean', l2: number): Promise<Params> {
  const form = { features: QUADRATIC, l2, threshold: 0.5 };
  const engine = new CpuEngine();
  await engine.setData(data);
  engine.setParams({ w: QUADRATIC.map(() => 0), b: 0 });
  const learningRate = 0.9 * safeLearningRate(data, true, reduction, form);
  engine.setOptions({ ...modelOptions(reduction, true, form), learningRate, batchSize: 0 });
  let last: Params | undefined;
  for (let done = 0; done < STEPS; done += MAX_TRAIN_STEPS) {
    const { path } = await engine.train(MAX_TRAIN_STEPS);
    last = path.at(-1);
  }
  if (last === undefined) throw new Error('no steps taken');
  return last;
}

describe('the scikit-learn optimum', () => {
  it('was fitted to the data the circle preset draws now, with the features and cases of cases.json', () => {
    expect(csvText).toBe(formatCsv(generateShape(SKLEARN_DATA.shape, SKLEARN_DATA.settings)));
    expect(optimum.features).toEqual(QUADRATIC);
    expect(optimum.samples).toBe(2 * SKLEARN_DATA.settings.perClass);
    expect(optimum.cases.map(({ name, reduction, l2 }) => ({ name, reduction, l2 }))).toEqual(SKLEARN_CASES);
  });

  it.each(optimum.cases)('its cost is the playground cost at its weights ($name)', (fitted) => {
    const options = modelOptions(fitted.reduction === 'sum' ? 'sum' : 'mean', true, {
      features: QUADRATIC,
      l2: fitted.l2,
      threshold: 0.5,
    });
    expect(cost(data, { w: fitted.weights, b: fitted.bias }, options)).toBeCloseTo(fitted.cost, 12);
  });

  it.each(optimum.cases)(
    'gradient descent on the quadratic features reaches its cost to 1e-6 ($name)',
    async (fitted) => {
      const reduction = fitted.reduction === 'sum' ? 'sum' : 'mean';
      const params = await trained(reduction, fitted.l2);
      const reached = cost(
        data,
        params,
        modelOptions(reduction, true, { features: QUADRATIC, l2: fitted.l2, threshold: 0.5 }),
      );
      // Within 1e-6 relative, on either side: lbfgs stops with a gradient of its own (gradientNorm in the
      // file), so descent can end a few 1e-9 below the cost it recorded.
      expect(Math.abs(reached - fitted.cost) / fitted.cost).toBeLessThan(1e-6);
      // The weights too: the cost is strictly convex (without λ because φ̃'s columns are independent on these
      // data), so there is one optimum to come to.
      for (const [j, w] of params.w.entries()) expect(w).toBeCloseTo(fitted.weights[j]!, 3);
      expect(params.b).toBeCloseTo(fitted.bias, 3);
    },
    60_000,
  );
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CpuEngine } from '../engine/cpu-engine';
import { CPU_BUDGET } from '../session/cost-surface-job';
import { exportModel, parseModel } from '../session/model-file';
import { MAX_ITERATION, PARAMETER_LIMIT, WEIGHT_LIMIT } from '../session/run-limits';
import { DEFAULT_PLAYGROUND } from '../settings/playground-settings';
import { PlaygroundController } from './playground-controller';

async function started(): Promise<PlaygroundController> {
  const c = new PlaygroundController({ engine: new CpuEngine(), settings: DEFAULT_PLAYGROUND, budget: CPU_BUDGET });
  await c.ready();
  return c;
}

function view(c: PlaygroundController) {
  if (!c.published) throw new Error('no view');
  return c.published;
}

function saved(c: PlaygroundController) {
  const v = view(c);
  return exportModel(v.state, v.run, c.settings, c.customDataset !== undefined);
}

/** Two points far apart, a large η and the summed cost: one step takes w to 2·10¹⁰, where the cost is 0. */
const FAR = 'x1,x2,t\n1e9,1e9,1\n-1e9,-1e9,0\n';

/** A run asked for 21 steps on FAR. */
async function farRun(): Promise<PlaygroundController> {
  const c = await started();
  await c.loadCsv(FAR, 'far.csv');
  await c.change({ training: { learningRate: 10, reduction: 'sum' } });
  await c.step(21);
  return c;
}

describe('where a run stops by itself', () => {
  it('at the step where a weight passes 1e6, even with the cost at 0, and further steps wait for a reset', async () => {
    const c = await farRun();
    const v = view(c);
    expect(v.state.iteration).toBe(1);
    expect(Math.abs(v.state.weights[0] ?? 0)).toBeGreaterThan(WEIGHT_LIMIT);
    expect(v.state.cost).toBe(0);
    expect(v.divergence).toMatch(/^Training diverged at iteration 1: the weights passed 1e\+6\./);
    expect(v.status).toBe('Stopped after 1 of the 21 steps asked for: a weight passed 1e+6 (reset to go on).');
    await c.step(5);
    expect(view(c).state.iteration).toBe(1);
    await c.reset();
    await c.step(1);
    expect(view(c).state.iteration).toBe(1);
  });

  it('and the model file saved there loads back, through JSON too', async () => {
    const c = await farRun();
    const model = saved(c);
    const read = parseModel(JSON.parse(JSON.stringify(model)));
    await c.reset();
    await c.loadModel(read);
    expect(view(c).state).toMatchObject({ iteration: 1, weights: model.weights });
  });

  it('at MAX_ITERATION, saying so; a file beyond it is refused, one at it loads', async () => {
    const c = await started();
    const near = { ...saved(c), iteration: MAX_ITERATION - 2 };
    await c.loadModel(parseModel(near));
    await c.step(5);
    expect(view(c).state.iteration).toBe(MAX_ITERATION);
    expect(view(c).status).toBe(
      'Stopped after 2 of the 5 steps asked for: the iteration count reached its limit, 1\u202f000\u202f000\u202f000\u202f000 (reset to go on).',
    );
    expect(parseModel(saved(c)).iteration).toBe(MAX_ITERATION);
    expect(() => parseModel({ ...saved(c), iteration: Number.MAX_SAFE_INTEGER })).toThrow(
      "the model's iteration must be a whole number from 0 to 1\u202f000\u202f000\u202f000\u202f000, got 9007199254740991",
    );
  });

  it('whatever a run reaches, its model file loads back', async () => {
    const coordinate = fc.oneof(fc.constantFrom(1e9, -1e9, 0), fc.double({ min: -1e9, max: 1e9, noNaN: true }));
    const point = fc.tuple(coordinate, coordinate);
    await fc.assert(
      fc.asyncProperty(
        fc.array(point, { minLength: 1, maxLength: 4 }),
        fc.array(point, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(1e-6, 0.05, 1, 10),
        fc.constantFrom('sum', 'mean'),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        async (zeros, ones, learningRate, reduction, bias, steps) => {
          const rows = [...zeros.map(([a, b]) => `${a},${b},0`), ...ones.map(([a, b]) => `${a},${b},1`)];
          const c = await started();
          await c.loadCsv(`x1,x2,t\n${rows.join('\n')}\n`, 'any.csv');
          await c.change({ training: { learningRate, reduction, bias } });
          await c.step(steps);
          const model = saved(c);
          const read = parseModel(JSON.parse(JSON.stringify(model)));
          expect(read.weights).toEqual(model.weights);
          expect(Math.max(...read.weights.map(Math.abs), Math.abs(read.bias))).toBeLessThanOrEqual(PARAMETER_LIMIT);
        },
      ),
      { numRuns: 60, seed: 3 },
    );
  }, 120_000);
});

/**
 * The CPU engine on its own, against the tutorial's numbers and the model's
 * functions: what it trains, in which order it reads the batches, what each
 * step reports, and the two grids. The GPU engine is tested against this
 * engine, so a wrong step here would be a wrong reference everywhere.
 */
import { describe, expect, it, vi } from 'vitest';
import { type Engine, type EngineOptions, type GridSpec, INITIAL_OPTIONS, MAX_TRAIN_STEPS } from '../contract/engine';
import { type Dataset, datasetFromRows } from '../model/dataset';
import { FEATURES } from '../model/features';
import { generateGaussians, TUTORIAL_GAUSSIANS } from '../model/gaussians';
import { logistic } from '../model/logistic';
import * as regression from '../model/regression';
import {
  accuracy,
  cost,
  evaluate,
  gradient,
  gradientDescentStep,
  modelOptions,
  type Params,
} from '../model/regression';
import { epochKey, SHUFFLE_SEED, shuffleDomain, shuffledIndex } from '../model/shuffle';
import { tutorialDataset } from '../model/tutorial-data';
import { TUTORIAL_REFERENCE, TUTORIAL_SETTINGS } from '../model/tutorial-reference';
import { CpuEngine } from './cpu-engine';
import { WORKER_MIN_N } from './cpu-threads';
import { TutorialSums, WholePasses } from './tutorial-sums';

const START: Params = { w: [TUTORIAL_SETTINGS.initialWeights[0], TUTORIAL_SETTINGS.initialWeights[1]], b: 0 };

async function engineOn(data: Dataset, params: Params = START, options?: EngineOptions): Promise<Engine> {
  const engine = new CpuEngine();
  await engine.setData(data);
  engine.setParams(params);
  if (options !== undefined) engine.setOptions(options);
  return engine;
}

/** The samples at these indices, as a data set of their own. */
function subset(data: Dataset, indices: readonly number[]): Dataset {
  const points = new Float64Array(indices.length * 2);
  const targets = new Uint8Array(indices.length);
  indices.forEach((i, k) => {
    points[2 * k] = data.points[2 * i] as number;
    points[2 * k + 1] = data.points[2 * i + 1] as number;
    targets[k] = data.targets[i] as number;
  });
  return { points, targets };
}

/** The indices of batch `slot` (0-based) of one epoch of batches of `size`, through the shared shuffle. */
function batchIndices(n: number, size: number, epoch: number, slot: number): number[] {
  const domain = shuffleDomain(n);
  const key = epochKey(SHUFFLE_SEED, epoch);
  const start = slot * size;
  const count = Math.min(size, n - start);
  return Array.from({ length: count }, (_, k) => shuffledIndex(start + k, domain, key));
}

function expectParamsClose(actual: Params | undefined, expected: Params, digits = 12): void {
  expect(actual?.w[0]).toBeCloseTo(expected.w[0]!, digits);
  expect(actual?.w[1]).toBeCloseTo(expected.w[1]!, digits);
  expect(actual?.b).toBeCloseTo(expected.b, digits);
}

/** Relative agreement, for costs summed in double and stored in float32. */
function expectRelativelyClose(actual: number | undefined, expected: number, tolerance = 1e-6): void {
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe('CpuEngine', () => {
  it('starts from the tutorial experiment before any setOptions and walks the tutorial path', async () => {
    expect(INITIAL_OPTIONS).toEqual({
      learningRate: 0.05,
      bias: false,
      reduction: 'sum',
      batchSize: 0,
      features: ['x1', 'x2'],
      l2: 0,
      threshold: 0.5,
    });
    const engine = await engineOn(tutorialDataset());
    const { path } = await engine.train(10);
    expect(path).toHaveLength(10);
    for (const step of [1, 2, 3, 10] as const) {
      const [w1, w2] = TUTORIAL_REFERENCE.path[step];
      expect(path[step - 1]?.w[0]).toBeCloseTo(w1, 4);
      expect(path[step - 1]?.w[1]).toBeCloseTo(w2, 4);
      expect(path[step - 1]?.b).toBe(0);
    }
  });

  it('reports for each step the cost and accuracy it started from, and the whole set at the end', async () => {
    const data = tutorialDataset();
    const engine = await engineOn(data);
    const { path, losses, accuracies, final } = await engine.train(10);
    const starts = [START, ...path.slice(0, -1)];
    expect(losses).toHaveLength(10);
    starts.forEach((params, k) => {
      expect(losses[k]).toBeCloseTo(cost(data, params, modelOptions('sum')), 12);
      expect(accuracies[k]).toBe(accuracy(data, params));
      // Each step is p − η ∇ξ(p) from where the step before ended.
      const g = gradient(data, params, modelOptions('sum'));
      expectParamsClose(path[k], { w: [params.w[0]! - 0.05 * g.w[0]!, params.w[1]! - 0.05 * g.w[1]!], b: 0 });
    });
    expect(final.params).toBe(path[9]);
    expect(final.sumCost).toBeCloseTo(TUTORIAL_REFERENCE.cost10, 4);
    expect(final.meanCost).toBeCloseTo(TUTORIAL_REFERENCE.cost10 / 40, 5);
    expect(final.confusion.falsePositive + final.confusion.falseNegative).toBe(TUTORIAL_REFERENCE.misclassified10);
    expectParamsClose(final.gradient, gradient(data, path[9] as Params, modelOptions('sum')));
    // The snapshot after training is the same measurement.
    expect(await engine.snapshot()).toEqual(final);
  });

  it('averages under the mean reduction and trains b only with the bias on', async () => {
    const data = tutorialDataset();
    const options: EngineOptions = {
      ...INITIAL_OPTIONS,
      learningRate: 0.5,
      bias: true,
      reduction: 'mean',
      batchSize: 0,
    };
    const from: Params = { w: [-1, 0.5], b: 0.25 };
    const engine = await engineOn(data, from, options);
    const { path, losses, final } = await engine.train(2);
    const g = gradient(data, from, modelOptions('mean'));
    expectParamsClose(path[0], { w: [from.w[0]! - 0.5 * g.w[0]!, from.w[1]! - 0.5 * g.w[1]!], b: from.b - 0.5 * g.b });
    expect(path[0]?.b).not.toBe(from.b);
    expect(losses[0]).toBeCloseTo(cost(data, from, modelOptions('mean')), 12);
    expect(losses[1]).toBeCloseTo(cost(data, path[0] as Params, modelOptions('mean')), 12);
    expectParamsClose(final.gradient, gradient(data, path[1] as Params, modelOptions('mean')));

    engine.setParams(from);
    engine.setOptions({ ...options, bias: false });
    const fixed = await engine.train(1);
    expect(fixed.path[0]?.b).toBe(from.b);
  });

  it('reads mini-batches in the shared shuffled order, epoch after epoch, each estimate scaled to the whole set', async () => {
    const data = tutorialDataset();
    const n = data.targets.length;
    const size = 16; // 40 samples: batches of 16, 16 and 8, then the next epoch's order
    for (const reduction of ['sum', 'mean'] as const) {
      const options: EngineOptions = { ...INITIAL_OPTIONS, learningRate: 0.05, bias: true, reduction, batchSize: size };
      const engine = await engineOn(data, START, options);
      const { path, losses, accuracies } = await engine.train(4);
      const slots = [
        [0, 0],
        [0, 1],
        [0, 2],
        [1, 0],
      ] as const;
      let params = START;
      slots.forEach(([epoch, slot], k) => {
        const batch = subset(data, batchIndices(n, size, epoch, slot));
        const count = batch.targets.length;
        const e = evaluate(batch, params, modelOptions(reduction));
        expect(losses[k]).toBeCloseTo(reduction === 'sum' ? (e.sumCost * n) / count : e.meanCost, 10);
        expect(accuracies[k]).toBe(accuracy(batch, params));
        params = {
          w: [params.w[0]! - 0.05 * e.gradient.w[0]!, params.w[1]! - 0.05 * e.gradient.w[1]!],
          b: params.b - 0.05 * e.gradient.b,
        };
        expectParamsClose(path[k], params, 10);
      });
    }
  });

  it('restarts the batch schedule on setParams and setData, not on an edit', async () => {
    const data = tutorialDataset();
    const options: EngineOptions = {
      ...INITIAL_OPTIONS,
      learningRate: 0.05,
      bias: false,
      reduction: 'sum',
      batchSize: 16,
    };
    const straight = await (await engineOn(data, START, options)).train(3);

    // An edit keeps the schedule: the third step reads the third batch of the edited set.
    const grown = datasetFromRows([
      ...Array.from(
        { length: data.targets.length },
        (_, i) => [data.points[2 * i], data.points[2 * i + 1], data.targets[i]] as [number, number, 0 | 1],
      ),
      [0.5, 0.5, 1],
    ]);
    const edited = await engineOn(data, START, options);
    await edited.train(2);
    await edited.applyEdit(grown, { kind: 'append' });
    const third = await edited.train(1);
    const batch = subset(grown, batchIndices(grown.targets.length, 16, 0, 2));
    const g = evaluate(batch, straight.path[1] as Params, modelOptions('sum')).gradient;
    const from = straight.path[1] as Params;
    expectParamsClose(third.path[0], { w: [from.w[0]! - 0.05 * g.w[0]!, from.w[1]! - 0.05 * g.w[1]!], b: 0 }, 10);

    // setParams starts the schedule again.
    edited.setParams(START);
    expect((await edited.train(1)).path[0]).toEqual((await (await engineOn(grown, START, options)).train(1)).path[0]);

    const reloaded = await engineOn(data, START, options);
    await reloaded.train(2);
    reloaded.setParams(START);
    await reloaded.train(1);
    await reloaded.setData(data);
    reloaded.setParams(START);
    expect((await reloaded.train(3)).path).toEqual(straight.path);
  });

  it('trains on the data it was last given', async () => {
    const engine = await engineOn(tutorialDataset());
    const two = datasetFromRows([
      [1, 2, 1],
      [-1, -3, 0],
    ]);
    await engine.setData(two);
    const { losses, final } = await engine.train(1);
    expect(losses[0]).toBeCloseTo(cost(two, START, modelOptions('sum')), 12);
    expect(
      final.confusion.truePositive +
        final.confusion.falsePositive +
        final.confusion.trueNegative +
        final.confusion.falseNegative,
    ).toBe(2);
    const grown = datasetFromRows([
      [1, 2, 1],
      [-1, -3, 0],
      [3, 2, 1],
    ]);
    await engine.applyEdit(grown, { kind: 'append' });
    expect((await engine.snapshot()).sumCost).toBeCloseTo(cost(grown, final.params, modelOptions('sum')), 12);
  });

  it('takes 0 to MAX_TRAIN_STEPS steps a call and refuses anything else', async () => {
    const engine = await engineOn(tutorialDataset());
    const none = await engine.train(0);
    expect(none.path).toEqual([]);
    expect(none.losses).toEqual([]);
    expect(none.final.params).toEqual(START);
    await expect(engine.train(-1)).rejects.toThrow(RangeError);
    await expect(engine.train(MAX_TRAIN_STEPS + 1)).rejects.toThrow(`from 0 to ${MAX_TRAIN_STEPS}`);
    await expect(engine.train(1.5)).rejects.toThrow(RangeError);
  });

  // An asymmetric grid: a swapped axis or a reversed one reads other values.
  const grid: GridSpec = { x: [-3, 5], y: [-1, 2], size: 5 };
  const at = (range: readonly [number, number], i: number) => range[0] + ((range[1] - range[0]) * i) / (grid.size - 1);

  it('computes the cost surface over w1 (columns) and w2 (rows) at the current bias or the one asked for', async () => {
    const data = tutorialDataset();
    for (const reduction of ['sum', 'mean'] as const) {
      const engine = await engineOn(data, { w: [0, 0], b: 0.75 }, { ...INITIAL_OPTIONS, reduction, bias: true });
      const surface = await engine.costSurface(grid);
      const tilted = await engine.costSurface(grid, { at: { w: [0, 0], b: -0.5 } });
      expect(surface).toHaveLength(25);
      for (let j = 0; j < grid.size; j++) {
        for (let i = 0; i < grid.size; i++) {
          const w = [at(grid.x, i), at(grid.y, j)];
          expectRelativelyClose(surface[j * grid.size + i], cost(data, { w, b: 0.75 }, modelOptions(reduction, true)));
          expectRelativelyClose(tilted[j * grid.size + i], cost(data, { w, b: -0.5 }, modelOptions(reduction, true)));
        }
      }
    }
  });

  it('estimates the cost surface from an interleaved slice, scaled to all samples', async () => {
    const data = tutorialDataset();
    const n = data.targets.length;
    const first = 1;
    const stride = 3;
    const slice = subset(
      data,
      Array.from({ length: Math.ceil((n - first) / stride) }, (_, k) => first + k * stride),
    );
    const count = slice.targets.length;
    for (const reduction of ['sum', 'mean'] as const) {
      const engine = await engineOn(data, START, { ...INITIAL_OPTIONS, reduction });
      const estimate = await engine.costSurface(grid, { first, stride });
      for (let j = 0; j < grid.size; j++) {
        for (let i = 0; i < grid.size; i++) {
          const params = { w: [at(grid.x, i), at(grid.y, j)], b: 0 };
          const sliceCost = evaluate(slice, params, modelOptions('sum')).sumCost;
          expectRelativelyClose(
            estimate[j * grid.size + i],
            reduction === 'sum' ? (sliceCost * n) / count : sliceCost / count,
          );
        }
      }
    }
    // A slice that starts late visits only the samples from there on.
    const late = await (await engineOn(data)).costSurface(grid, { first: 30, stride: 1 });
    const tail = subset(
      data,
      Array.from({ length: n - 30 }, (_, k) => 30 + k),
    );
    expectRelativelyClose(
      late[7],
      (evaluate(tail, { w: [at(grid.x, 2), at(grid.y, 1)], b: 0 }, modelOptions('sum')).sumCost * n) / (n - 30),
    );
    // The slices 0 … stride − 1 add up to the exact summed surface.
    const engine = await engineOn(data);
    const exact = await engine.costSurface(grid);
    const parts = await Promise.all([0, 1, 2].map((part) => engine.costSurface(grid, { first: part, stride })));
    const counts = [0, 1, 2].map((part) => Math.ceil((n - part) / stride));
    exact.forEach((value, k) => {
      const summed = parts.reduce((total, part, p) => total + ((part[k] as number) * (counts[p] as number)) / n, 0);
      expectRelativelyClose(summed, value);
    });
  });

  it('evaluates P(t = 1 | x) on a grid of inputs, x1 across and x2 down, at the current parameters', async () => {
    const params: Params = { w: [1.5, -0.75], b: 0.4 };
    const engine = await engineOn(tutorialDataset(), params);
    const probabilities = await engine.probabilityGrid(grid);
    for (let j = 0; j < grid.size; j++) {
      for (let i = 0; i < grid.size; i++) {
        const z = params.w[0]! * at(grid.x, i) + params.w[1]! * at(grid.y, j) + params.b;
        expect(probabilities[j * grid.size + i]).toBeCloseTo(logistic(z), 6);
      }
    }
    // Asked for with a training call, the grid is the one at the final parameters.
    const trained = await engine.train(3, { probabilityGrid: grid });
    expect(trained.probabilities).toEqual(await engine.probabilityGrid(grid));
    expect(trained.probabilities).not.toEqual(probabilities);
    expect((await engine.train(1)).probabilities).toBeUndefined();
  });

  it('holds no samples and sits at the origin before it is given any', async () => {
    const engine = new CpuEngine();
    const empty = await engine.snapshot();
    expect(empty.params).toEqual({ w: [0, 0], b: 0 });
    expect(empty.sumCost).toBe(0);
    expect(await engine.probabilityGrid(grid)).toEqual(new Float32Array(25).fill(0.5));
  });

  it('holds no samples once destroyed', async () => {
    const engine = await engineOn(tutorialDataset());
    engine.destroy();
    const after = await engine.snapshot();
    expect(after.sumCost).toBe(0);
    expect(after.confusion).toEqual({ truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 });
  });

  it('takes large data on the main thread through the WebAssembly kernel, one copy a data set, as the model would', async () => {
    // WORKER_MIN_N + 1 samples: the kernel's size, and odd, so the loop sums the last one.
    const gaussians = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: WORKER_MIN_N / 2 + 1, seed: 4 });
    const n = WORKER_MIN_N + 1;
    const data: Dataset = { points: gaussians.points.slice(0, 2 * n), targets: gaussians.targets.slice(0, n) };
    const options: EngineOptions = { ...INITIAL_OPTIONS, learningRate: 0.5, reduction: 'mean', bias: true };
    const loads = vi.spyOn(TutorialSums, 'load');
    try {
      const engine = new CpuEngine({ threads: 0 });
      await engine.setData(data);
      engine.setOptions(options);
      engine.setParams(START);
      const result = await engine.train(6);
      let reference = START;
      result.path.forEach((p, s) => {
        reference = gradientDescentStep(data, reference, options);
        expectParamsClose(p, reference, 12);
        expect(result.losses[s]).toBeCloseTo(cost(data, s === 0 ? START : result.path[s - 1]!, options), 12);
      });
      // w1 at −3, 0, 3 across and w2 at −2, 0, 2 down.
      const surface = await engine.costSurface({ x: [-3, 3], y: [-2, 2], size: 3 });
      surface.forEach((value, k) => {
        const w = [-3 + 3 * (k % 3), -2 + 2 * Math.floor(k / 3)];
        expectRelativelyClose(value, cost(data, { w, b: reference.b }, options));
      });
      expect(loads).toHaveBeenCalledTimes(1);
      await engine.setData(data);
      await engine.snapshot();
      expect(loads).toHaveBeenCalledTimes(2);
      // Other features are the loop's alone.
      engine.setOptions({ ...options, features: ['x1', 'x2', 'x1^2'] });
      engine.setParams({ w: [0, 0, 0], b: 0 });
      await engine.train(1);
      expect(loads).toHaveBeenCalledTimes(2);
    } finally {
      loads.mockRestore();
    }
  });
  it('starts a call on large data from the evaluation the last one ended with; takes every pass itself on small', async () => {
    const passes = vi.spyOn(WholePasses.prototype, 'sums');
    const sumsInto = vi.spyOn(regression, 'sumSamplesInto');
    try {
      // Large data (the seven features: the loop's, on the main thread) and small: a step is one pass on both.
      const large = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: WORKER_MIN_N / 2, seed: 5 });
      for (const data of [large, tutorialDataset()]) {
        const engine = new CpuEngine({ threads: 0 });
        await engine.setData(data);
        engine.setOptions({ ...INITIAL_OPTIONS, features: FEATURES, learningRate: 1e-4 });
        engine.setParams({ w: FEATURES.map(() => 0), b: 0 });
        await engine.snapshot();
        passes.mockClear();
        sumsInto.mockClear();
        await engine.train(3);
        await engine.train(2);
        // Five steps and two closing snapshots; on large data the first step of a call is where the last snapshot was.
        expect(passes.mock.calls.length + sumsInto.mock.calls.length).toBe(data === large ? 5 : 7);
        engine.destroy();
      }
    } finally {
      passes.mockRestore();
      sumsInto.mockRestore();
    }
  });
});

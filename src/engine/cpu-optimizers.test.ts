/**
 * The CPU engine runs every optimiser as the issue writes its rule: each
 * trajectory against the float64 reference of the rules
 * (src/model/testing/optimizer-reference.ts), 200 steps at d = 2 and d = 5,
 * full batch and mini-batches, with and without λ and the bias. And the state: zero at w(0), kept across calls
 * and a new η, given back by setParams.
 */
import { describe, expect, it } from 'vitest';
import { type EngineOptions, INITIAL_OPTIONS, racerSettings } from '../contract/engine';
import type { Dataset } from '../model/dataset';
import { DEFAULT_OPTIMIZER, type OptimizerSettings, type OptimizerState } from '../model/optimizers';
import { MAX_RACERS, type Racer } from '../model/race';
import type { Params } from '../model/regression';
import {
  caseRun,
  OPTIMIZER_CASE_DATA as data,
  OPTIMIZER_CASES,
  referencePath,
  worstRelativeGap,
} from '../model/testing/optimizer-reference';
import { CpuEngine } from './cpu-engine';

describe('the CPU engine’s optimisers against a float64 reference of their rules', () => {
  it.each(OPTIMIZER_CASES)(
    '$optimizer, d = $features.length, batch $batchSize, λ = $l2, bias $bias, $reduction: 200 steps to 1e-9',
    async (c) => {
      const { settings, eta, start } = caseRun(c);
      const engine = new CpuEngine();
      await engine.setData(data);
      const options: EngineOptions = {
        ...INITIAL_OPTIONS,
        ...c,
        learningRate: eta,
        threshold: 0.5,
        optimizer: settings,
      };
      engine.setOptions(options);
      engine.setParams(start);
      const first = await engine.train(120);
      const second = await engine.train(80);
      const path = [...first.path, ...second.path];
      const expected = referencePath(data, c, settings, eta, start, 200);
      expect(path).toHaveLength(200);
      expect(worstRelativeGap(path, expected)).toBeLessThan(1e-9);
      // It went somewhere: agreement is not standing still.
      expect(Math.max(...expected.at(-1)!.map((x, j) => Math.abs(x - [...start.w, start.b][j]!)))).toBeGreaterThan(
        0.05,
      );
      expect(second.optimizer?.steps).toBe(200);
    },
  );
});

describe('the optimiser’s state on the CPU engine', () => {
  const momentum: OptimizerSettings = { ...DEFAULT_OPTIMIZER, optimizer: 'momentum' };
  const options: EngineOptions = {
    ...INITIAL_OPTIONS,
    bias: true,
    reduction: 'mean',
    learningRate: 0.05,
    optimizer: momentum,
  };
  const start: Params = { w: [0.5, -0.5], b: 0 };

  async function engineAt(): Promise<CpuEngine> {
    const engine = new CpuEngine();
    await engine.setData(data);
    engine.setOptions(options);
    engine.setParams(start);
    return engine;
  }

  it('is kept across calls: 10 + 10 steps are 20 steps', async () => {
    const split = await engineAt();
    await split.train(10);
    const twice = (await split.train(10)).path.at(-1);
    const once = (await (await engineAt()).train(20)).path.at(-1);
    expect(twice).toEqual(once);
  });

  it('starts at zero again with setParams, and setParams with a state resumes from it exactly', async () => {
    const engine = await engineAt();
    const ten = await engine.train(10);
    const resumed = await engineAt();
    resumed.setParams(ten.path.at(-1)!, ten.optimizer);
    const onward = (await engine.train(5)).path;
    expect((await resumed.train(5)).path).toEqual(onward);
    const restarted = await engineAt();
    restarted.setParams(ten.path.at(-1)!);
    expect((await restarted.train(5)).path).not.toEqual(onward);
  });

  it('keeps the velocity through a new η', async () => {
    const engine = await engineAt();
    const ten = await engine.train(10);
    engine.setOptions({ ...options, learningRate: 0.01 });
    const next = (await engine.train(1)).path[0]!;
    // v ← βv + g; w ← w − η′v, with v carried: not the step from v = 0 (w − η′g).
    const from = ten.path.at(-1)!;
    const v0 = ten.optimizer!.first;
    const fresh = await engineAt();
    fresh.setOptions({ ...options, learningRate: 0.01 });
    fresh.setParams(from);
    const g = (await fresh.snapshot()).gradient;
    expect(next.w[0]).toBeCloseTo(from.w[0]! - 0.01 * (0.9 * v0.w[0]! + g.w[0]!), 12);
  });

  it('refuses a Newton step on a singular Hessian, and takes none of it', async () => {
    // Every point at x2 = 0: the Hessian's x2 row and column are 0.
    const flat: Dataset = {
      points: Float64Array.from([1, 0, -1, 0, 2, 0, -2, 0]),
      targets: Uint8Array.from([1, 0, 1, 0]),
    };
    const engine = new CpuEngine();
    await engine.setData(flat);
    engine.setOptions({
      ...INITIAL_OPTIONS,
      learningRate: 1,
      optimizer: { ...DEFAULT_OPTIMIZER, optimizer: 'newton' },
    });
    engine.setParams({ w: [0.1, 0.2], b: 0 });
    const result = await engine.train(3);
    expect(result.refused).toMatch(/singular/);
    expect(result.path).toEqual([]);
    expect(result.losses).toEqual([]);
    expect(result.final.params).toEqual({ w: [0.1, 0.2], b: 0 });
    expect(Number.isFinite(result.final.sumCost)).toBe(true);
  });
});

describe('a race on the CPU engine', () => {
  it('steps each racer exactly as its optimiser run alone, the same batches in the same order', async () => {
    const base: EngineOptions = {
      ...INITIAL_OPTIONS,
      features: ['x1', 'x2', 'x1^2', 'x2^2'],
      bias: true,
      reduction: 'mean',
      l2: 0.1,
      batchSize: 32,
      learningRate: 0.05,
    };
    const racers: Racer[] = [
      { optimizer: 'momentum', learningRate: 0.02, momentum: 0.8 },
      { optimizer: 'adam', learningRate: 0.03 },
      { optimizer: 'newton', learningRate: 0.5 },
    ];
    const start: Params = { w: [0.3, -0.2, 0.1, 0], b: 0.1 };
    const engine = new CpuEngine();
    await engine.setData(data);
    engine.setOptions(base);
    engine.setParams(start);
    let race = racers.map((racer) => ({ params: start, racer, optimizer: undefined as OptimizerState | undefined }));
    const paths: Params[][] = racers.map(() => []);
    const model: Params[] = [];
    // Two calls: the racers' state goes out with one result and comes back with the next call.
    for (const steps of [30, 20]) {
      const result = await engine.train(steps, { race });
      model.push(...result.path);
      race = race.map((entry, k) => {
        const r = result.race![k]!;
        paths[k]!.push(...r.path);
        return { ...entry, params: r.path.at(-1)!, optimizer: r.optimizer };
      });
    }
    for (const [k, racer] of racers.entries()) {
      const alone = new CpuEngine();
      await alone.setData(data);
      alone.setOptions({ ...base, learningRate: racer.learningRate, optimizer: racerSettings(racer, base) });
      alone.setParams(start);
      expect(paths[k], racer.optimizer).toEqual((await alone.train(50)).path);
    }
    // The model itself is unmoved by the racers beside it.
    const solo = new CpuEngine();
    await solo.setData(data);
    solo.setOptions(base);
    solo.setParams(start);
    expect(model).toEqual((await solo.train(50)).path);
  });

  it('refuses more racers than a race holds', async () => {
    const engine = new CpuEngine();
    await engine.setData(data);
    const entry = { params: { w: [0, 0], b: 0 }, racer: { optimizer: 'gd' as const, learningRate: 0.1 } };
    await expect(engine.train(1, { race: Array.from({ length: MAX_RACERS }, () => entry) })).rejects.toThrow(
      /at most 6 racers/,
    );
  });
});

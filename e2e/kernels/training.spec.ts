/**
 * Training on the GPU: the tutorial's path, many steps in one submit against
 * one step a submit, mini-batches against the CPU's, and both extremes of the
 * workgroup count.
 */
import { TUTORIAL_REFERENCE } from '../../src/model/tutorial-reference';
import { expect, test } from './fixtures';

const TUTORIAL = TUTORIAL_REFERENCE.path;

test('the GPU engine follows the tutorial to w(10) on both reduction paths and by the fused kernel', async ({
  harness,
}) => {
  const runs = await harness.evaluate(async () => {
    const { GpuEngine, tutorialDataset } = window.lp;
    const out = [];
    const paths = [
      { reductionPath: 'plain', fused: 'off' },
      { reductionPath: 'subgroup', fused: 'off' },
      { fused: 4 },
      { fused: 64 },
    ] as const;
    for (const settings of paths) {
      const path = `${settings.fused === 'off' ? settings.reductionPath : `fused ×${settings.fused}`}`;
      const gpu = await GpuEngine.create(settings);
      await gpu.setData(tutorialDataset());
      window.lp.startTutorial(gpu);
      const result = await gpu.train(10);
      const f = result.final.confusion;
      out.push({
        path,
        weights: result.path.map((p) => [p.w[0]!, p.w[1]!]),
        cost: result.final.sumCost,
        wrong: f.falsePositive + f.falseNegative,
      });
      gpu.destroy();
    }
    return out;
  });
  for (const run of runs) {
    for (const [step, [w1, w2]] of Object.entries(TUTORIAL)) {
      const [g1, g2] = run.weights[Number(step) - 1] as [number, number];
      expect(Math.abs(g1 - w1), `${run.path}: w1 at step ${step}`).toBeLessThan(1e-4);
      expect(Math.abs(g2 - w2), `${run.path}: w2 at step ${step}`).toBeLessThan(1e-4);
    }
    expect(Math.abs(run.cost - TUTORIAL_REFERENCE.cost10), `${run.path}: cost`).toBeLessThan(1e-4);
    expect(run.wrong).toBe(TUTORIAL_REFERENCE.misclassified10);
  }
});

test('500 steps as 10 submits of 50 end where 500 single steps end', async ({ harness }) => {
  const result = await harness.evaluate(async () => {
    const { GpuEngine, f32Dataset } = window.lp;
    const gpu = await GpuEngine.create();
    await gpu.setData(f32Dataset(3001, 5));
    gpu.setOptions({ ...window.lp.INITIAL_OPTIONS, learningRate: 0.5, bias: true, reduction: 'mean', batchSize: 0 });
    const start = { w: [-1, 2], b: 0.5 };
    gpu.setParams(start);
    const batched: { w: readonly number[]; b: number }[] = [];
    for (let i = 0; i < 10; i++) batched.push(...(await gpu.train(50)).path);
    gpu.setParams(start);
    const single: { w: readonly number[]; b: number }[] = [];
    for (let i = 0; i < 500; i++) single.push(...(await gpu.train(1)).path);
    gpu.destroy();
    const diff = Math.max(
      ...batched.map((p, i) =>
        Math.max(
          Math.abs(p.w[0]! - single[i]!.w[0]!),
          Math.abs(p.w[1]! - single[i]!.w[1]!),
          Math.abs(p.b - single[i]!.b),
        ),
      ),
    );
    return { diff, last: batched.at(-1), first: batched[0] };
  });
  // Same kernels in the same order: the runs agree step for step.
  expect(result.diff).toBeLessThan(1e-6);
  // And training went somewhere: the last weights are far from the first step's.
  expect(Math.abs(result.last!.w[0]! - result.first!.w[0]!)).toBeGreaterThan(0.1);
});

for (const reduction of ['mean', 'sum'] as const) {
  test(`mini-batches on the GPU draw the same shuffled batches as the CPU, ${reduction} cost`, async ({ harness }) => {
    const result = await harness.evaluate(async (reduction) => {
      const { GpuEngine, CpuEngine, f32Dataset } = window.lp;
      const data = f32Dataset(1000, 9);
      // The summed gradient is 64 times the mean's: a smaller η takes steps of the same size.
      const options = {
        ...window.lp.INITIAL_OPTIONS,
        learningRate: reduction === 'mean' ? 0.2 : 0.003,
        bias: true,
        reduction,
        batchSize: 64,
      };
      const start = { w: [0.5, -0.5], b: 0 };
      const runs = [];
      for (const engine of [new CpuEngine(), await GpuEngine.create()]) {
        await engine.setData(data);
        engine.setOptions(options);
        engine.setParams(start);
        // 40 steps: two epochs of 16 batches (the last one short) and then some.
        const r = await engine.train(40);
        runs.push({ path: r.path, losses: r.losses, final: r.final });
        engine.destroy();
      }
      const [cpu, gpu] = runs as [(typeof runs)[0], (typeof runs)[0]];
      const weightDiff = Math.max(
        ...cpu.path.map((p, i) => Math.abs(p.w[0]! - gpu.path[i]!.w[0]!) + Math.abs(p.b - gpu.path[i]!.b)),
      );
      const lossRel = Math.max(...cpu.losses.map((l, i) => Math.abs(l - gpu.losses[i]!) / l));
      // A batch's cost is an estimate of the whole data's, on the same scale: N/batch times the batch's sum.
      const whole = reduction === 'mean' ? cpu.final.meanCost : cpu.final.sumCost;
      const scale = gpu.losses.at(-1)! / whole;
      // A different batch order would move differently from the first step on.
      const spread = Math.abs(cpu.path[0]!.w[0]! - start.w[0]!);
      return { weightDiff, lossRel, spread, scale };
    }, reduction);
    expect(result.spread).toBeGreaterThan(1e-3);
    expect(result.weightDiff).toBeLessThan(1e-4);
    expect(result.lossRel).toBeLessThan(1e-4);
    expect(result.scale).toBeGreaterThan(0.5);
    expect(result.scale).toBeLessThan(2);
  });
}

for (const n of [10_007, 1_000_003]) {
  test(`one workgroup and one invocation per sample agree with the CPU (N = ${n})`, async ({ harness }) => {
    const rows = await harness.evaluate(async (n) => {
      const { GpuEngine, CpuEngine, f32Dataset } = window.lp;
      const data = f32Dataset(n, 3);
      const cpu = new CpuEngine();
      await cpu.setData(data);
      const options = {
        ...window.lp.INITIAL_OPTIONS,
        learningRate: 0.1,
        bias: true,
        reduction: 'mean' as const,
        batchSize: 0,
      };
      const params = { w: [1.5, -0.7], b: 0.3 };
      cpu.setOptions(options);
      cpu.setParams(params);
      const reference = (await cpu.train(3)).final;
      // Held until the end so that the four engines below share one device: each path's kernels compile once,
      // not once an engine (the pool gives a device back when its last engine goes).
      const keeper = await GpuEngine.create();
      const out = [];
      for (const path of ['plain', 'subgroup'] as const) {
        for (const workgroups of [1, Math.ceil(n / (path === 'plain' ? 64 : 256))]) {
          const gpu = await GpuEngine.create({ reductionPath: path, workgroups, fused: 'off' });
          await gpu.setData(data);
          gpu.setOptions(options);
          gpu.setParams(params);
          const r = (await gpu.train(3)).final;
          gpu.destroy();
          out.push({
            path,
            workgroups,
            costRel: Math.abs(r.meanCost - reference.meanCost) / reference.meanCost,
            weightDiff: Math.max(
              Math.abs(r.params.w[0]! - reference.params.w[0]!),
              Math.abs(r.params.b - reference.params.b),
            ),
          });
        }
      }
      keeper.destroy();
      return out;
    }, n);
    for (const r of rows) {
      expect(r.costRel, `${r.path}, ${r.workgroups} workgroups`).toBeLessThan(1e-4);
      expect(r.weightDiff, `${r.path}, ${r.workgroups} workgroups`).toBeLessThan(1e-4);
    }
  });
}

test('new data keep the weights and restart the batch schedule, on the GPU as on the CPU', async ({ harness }) => {
  const result = await harness.evaluate(async () => {
    const { GpuEngine, CpuEngine, f32Dataset } = window.lp;
    const ends = [];
    for (const engine of [new CpuEngine(), await GpuEngine.create()]) {
      await engine.setData(f32Dataset(500, 1));
      engine.setOptions({
        ...window.lp.INITIAL_OPTIONS,
        learningRate: 0.3,
        bias: true,
        reduction: 'mean',
        batchSize: 64,
      });
      engine.setParams({ w: [0, 0], b: 0 });
      await engine.train(7);
      // Large enough that the GPU measures its dispatch size, which runs steps of its own.
      await engine.setData(f32Dataset(20_000, 2));
      const after = await engine.train(5);
      ends.push(after.path.at(-1)!);
      engine.destroy();
    }
    const [cpu, gpu] = ends as [(typeof ends)[0], (typeof ends)[0]];
    return Math.max(Math.abs(cpu.w[0]! - gpu.w[0]!), Math.abs(cpu.w[1]! - gpu.w[1]!), Math.abs(cpu.b - gpu.b));
  });
  expect(result).toBeLessThan(1e-4);
});

/**
 * The optimisers in WGSL: every case of the float64 reference of the rules
 * (src/model/testing/optimizer-reference.ts: gd, momentum, Nesterov, Adam
 * and Newton at d = 2 and d = 5, full batch and mini-batches, λ, the bias and
 * the reduction both ways), 200 steps as 120 + 80, within 1e-3, by two
 * dispatches a step and by the fused kernel; the state read back and
 * resumed; and a singular Hessian refused on the GPU as on the CPU.
 */
import type { Engine } from '../../src/contract/engine';
import { expect, test } from './fixtures';

test('every optimiser on the GPU follows the float64 reference of its rule over 200 steps', async ({ harness }) => {
  const rows = await harness.evaluate(async () => {
    const { GpuEngine, INITIAL_OPTIONS, optimizerReference: ref } = window.lp;
    const out = [];
    // Every case by two dispatches a step on the page's own reduction (subgroups where offered) and by the
    // fused kernel the adapter gets (these data are small), and two of Newton's on the plain reduction too
    // (full batch at d = 5, batches at d = 2): its Hessian goes through the workgroup sum four more times.
    const runs = [
      { path: 'auto' as const, fused: 'off' as const, cases: ref.OPTIMIZER_CASES },
      { path: 'auto' as const, fused: 'auto' as const, cases: ref.OPTIMIZER_CASES },
      {
        path: 'plain' as const,
        fused: 'off' as const,
        cases: ref.OPTIMIZER_CASES.filter(
          (c) => c.optimizer === 'newton' && c.batchSize > 0 === (c.features.length === 2),
        ),
      },
    ];
    for (const { path: reductionPath, fused, cases } of runs) {
      const gpu = await GpuEngine.create({ reductionPath, fused });
      await gpu.setData(ref.OPTIMIZER_CASE_DATA);
      for (const c of cases) {
        const { settings, eta, start } = ref.caseRun(c);
        gpu.setOptions({ ...INITIAL_OPTIONS, ...c, features: [...c.features], learningRate: eta, optimizer: settings });
        gpu.setParams(start);
        const first = await gpu.train(120);
        const second = await gpu.train(80);
        const path = [...first.path, ...second.path];
        const expected = ref.referencePath(ref.OPTIMIZER_CASE_DATA, c, settings, eta, start, 200);
        const moved = Math.max(...expected.at(-1)!.map((x, j) => Math.abs(x - [...start.w, start.b][j]!)));
        out.push({
          name: `${gpu.reductionPath}, fused ${fused}: ${c.optimizer}, d = ${c.features.length}, batch ${c.batchSize}, λ = ${c.l2}, bias ${c.bias}, ${c.reduction}`,
          steps: path.length,
          gap: ref.worstRelativeGap(path, expected),
          moved,
          k: second.optimizer?.steps,
          refused: second.refused ?? first.refused,
        });
      }
      gpu.destroy();
    }
    return out;
  });
  expect(rows).toHaveLength(42);
  for (const row of rows) {
    expect(row.refused, row.name).toBeUndefined();
    expect(row.steps, row.name).toBe(200);
    expect(row.gap, row.name).toBeLessThan(1e-3);
    expect(row.moved, `${row.name}: it went somewhere`).toBeGreaterThan(0.05);
    expect(row.k, row.name).toBe(200);
  }
});

test('the GPU keeps the optimiser’s state across calls and gives it back; a singular Hessian is refused', async ({
  harness,
}) => {
  const result = await harness.evaluate(async () => {
    const { GpuEngine, INITIAL_OPTIONS, optimizerReference: ref } = window.lp;
    const gpu = await GpuEngine.create({ reductionPath: 'plain' });
    await gpu.setData(ref.OPTIMIZER_CASE_DATA);
    const adam = { ...INITIAL_OPTIONS, bias: true, reduction: 'mean' as const, learningRate: 0.05 };
    gpu.setOptions({ ...adam, optimizer: { ...ref.caseRun(ref.OPTIMIZER_CASES[0]!).settings, optimizer: 'adam' } });
    const start = { w: [0.5, -0.5], b: 0 };
    gpu.setParams(start);
    const ten = await gpu.train(10);
    const onward = (await gpu.train(5)).path;
    // Resumed from the state read back: the same five steps. From a zero state: others.
    gpu.setParams(ten.path.at(-1)!, ten.optimizer);
    const resumed = (await gpu.train(5)).path;
    gpu.setParams(ten.path.at(-1)!);
    const restarted = (await gpu.train(5)).path;
    const gap = (a: typeof onward, b: typeof onward) =>
      Math.max(...a.flatMap((p, k) => [...p.w, p.b].map((x, j) => Math.abs(x - [...b[k]!.w, b[k]!.b][j]!))));

    // Every point on x2 = 0: the Hessian's x2 row and column are 0.
    const flat = { points: Float64Array.from([1, 0, -1, 0, 2, 0, -2, 0]), targets: Uint8Array.from([1, 0, 1, 0]) };
    await gpu.setData(flat);
    gpu.setOptions({
      ...INITIAL_OPTIONS,
      learningRate: 1,
      optimizer: { ...ref.caseRun(ref.OPTIMIZER_CASES[0]!).settings, optimizer: 'newton' },
    });
    gpu.setParams({ w: [0.1, 0.2], b: 0 });
    // Measuring the model needs no Hessian: Newton's pipeline, not yet compiled, is not asked for.
    const before = await gpu.snapshot();
    const refused = await gpu.train(3);
    // The refusal does not outlive the call: gradient descent, from where Newton stopped, steps again.
    gpu.setOptions({ ...INITIAL_OPTIONS, learningRate: 0.1 });
    const after = await gpu.train(2);
    gpu.destroy();
    return {
      k: ten.optimizer?.steps,
      first: ten.optimizer?.first,
      resumedGap: gap(resumed, onward),
      restartedGap: gap(restarted, onward),
      refused: refused.refused,
      refusedPath: refused.path.length,
      refusedLosses: refused.losses.length,
      refusedFinal: refused.final.params,
      refusedCost: refused.final.sumCost,
      beforeCost: before.sumCost,
      after: { steps: after.path.length, refused: after.refused },
    };
  });
  expect(result.k).toBe(10);
  expect(Math.abs(result.first!.b)).toBeGreaterThan(0);
  expect(result.resumedGap).toBeLessThan(1e-6);
  expect(result.restartedGap).toBeGreaterThan(1e-3);
  expect(result.refused).toMatch(/singular/);
  expect(result.refusedPath).toBe(0);
  expect(result.refusedLosses).toBe(0);
  expect(result.refusedFinal.w[0]).toBeCloseTo(0.1, 6);
  expect(result.refusedFinal.w[1]).toBeCloseTo(0.2, 6);
  expect(Number.isFinite(result.refusedCost)).toBe(true);
  expect(result.beforeCost).toBeCloseTo(result.refusedCost, 5);
  expect(result.after).toEqual({ steps: 2, refused: undefined });
});

// Two dispatches a step (the partials and the updates) for 50 steps and a snapshot's two per call, or the
// fused kernel's one a call (50 steps are far below what one dispatch takes): all six racers each time.
for (const [fused, expectedDispatches] of [
  ['off', 2 * 50 + 2 * 2],
  ['auto', 2],
] as const) {
  test(`a race on the GPU (fused ${fused}): every racer in one dispatch a step, each as its optimiser run alone, and as the CPU`, async ({
    harness,
  }) => {
    const out = await harness.evaluate(async (fused) => {
      const { GpuEngine, CpuEngine, INITIAL_OPTIONS, optimizerReference: ref } = window.lp;
      const base = {
        ...INITIAL_OPTIONS,
        features: ['x1', 'x2', 'x1^2', 'x2^2'] as ('x1' | 'x2' | 'x1^2' | 'x2^2')[],
        bias: true,
        reduction: 'mean' as const,
        l2: 0.1,
        batchSize: 32,
        learningRate: 0.05,
      };
      const racers = [
        { optimizer: 'momentum' as const, learningRate: 0.02, momentum: 0.8 },
        { optimizer: 'nesterov' as const, learningRate: 0.02 },
        { optimizer: 'adam' as const, learningRate: 0.03 },
        { optimizer: 'newton' as const, learningRate: 0.5 },
        { optimizer: 'gd' as const, learningRate: 0.2 },
      ];
      const start = { w: [0.3, -0.2, 0.1, 0], b: 0.1 };
      type P = { w: readonly number[]; b: number };
      const runRace = async (engine: Engine) => {
        await engine.setData(ref.OPTIMIZER_CASE_DATA);
        engine.setOptions(base);
        engine.setParams(start);
        let race = racers.map((racer) => ({ params: start as P, racer, optimizer: undefined as never }));
        const paths: P[][] = racers.map(() => []);
        const model: P[] = [];
        let dispatches = 0;
        for (const steps of [30, 20]) {
          const result = await engine.train(steps, { race });
          model.push(...result.path);
          race = race.map((entry, k) => {
            const r = result.race![k]!;
            paths[k]!.push(...r.path);
            return { ...entry, params: r.path.at(-1)!, optimizer: r.optimizer as never };
          });
          dispatches++;
        }
        return { paths, model, dispatches };
      };
      const gpu = await GpuEngine.create({ fused });
      // Count the dispatches of the training passes: one a step for all six, not one a racer.
      let partialDispatches = 0;
      const dispatch = GPUComputePassEncoder.prototype.dispatchWorkgroups;
      GPUComputePassEncoder.prototype.dispatchWorkgroups = function (
        this: GPUComputePassEncoder,
        x: number,
        y?: number,
      ) {
        if (y === racers.length + 1) partialDispatches++;
        return dispatch.call(this, x, y);
      };
      const onGpu = await runRace(gpu);
      GPUComputePassEncoder.prototype.dispatchWorkgroups = dispatch;
      const onCpu = await runRace(new CpuEngine());
      // Each racer alone on the GPU, from the same start.
      const alone: P[][] = [];
      for (const racer of racers) {
        gpu.setOptions({
          ...base,
          learningRate: racer.learningRate,
          optimizer: window.lp.racerSettings(racer, base),
        });
        gpu.setParams(start);
        alone.push([...(await gpu.train(30)).path, ...(await gpu.train(20)).path]);
      }
      gpu.destroy();
      const gap = (a: P[], b: P[]) =>
        Math.max(...a.flatMap((p, k) => [...p.w, p.b].map((x, j) => Math.abs(x - [...b[k]!.w, b[k]!.b][j]!))));
      return {
        lengths: onGpu.paths.map((p) => p.length),
        aloneGap: Math.max(...onGpu.paths.map((p, k) => gap(p, alone[k]!))),
        cpuGap: Math.max(...onGpu.paths.map((p, k) => gap(p, onCpu.paths[k]!)), gap(onGpu.model, onCpu.model)),
        partialDispatches,
      };
    }, fused);
    expect(out.lengths).toEqual([50, 50, 50, 50, 50]);
    expect(out.aloneGap).toBeLessThan(1e-6);
    expect(out.cpuGap).toBeLessThan(1e-3);
    expect(out.partialDispatches).toBe(expectedDispatches);
  });
}

/**
 * The optimisers in WGSL: every case of the float64 reference of the rules
 * (src/model/testing/optimizer-reference.ts: gd, momentum, Nesterov, Adam
 * and Newton at d = 2 and d = 5, full batch and mini-batches, λ, the bias and
 * the reduction both ways), 200 steps as 120 + 80, within 1e-3; the state
 * read back and resumed; and a singular Hessian refused on the GPU as on
 * the CPU.
 */
import { expect, test } from './fixtures';

test('every optimiser on the GPU follows the float64 reference of its rule over 200 steps', async ({ harness }) => {
  const rows = await harness.evaluate(async () => {
    const { GpuEngine, INITIAL_OPTIONS, optimizerReference: ref } = window.lp;
    const out = [];
    // Every case on the page's own path (subgroups where offered), and Newton's on the plain path too: its
    // Hessian goes through the workgroup sum four more times.
    const runs = [
      { path: 'auto' as const, cases: ref.OPTIMIZER_CASES },
      { path: 'plain' as const, cases: ref.OPTIMIZER_CASES.filter((c) => c.optimizer === 'newton') },
    ];
    for (const { path: reductionPath, cases } of runs) {
      const gpu = await GpuEngine.create({ reductionPath });
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
          name: `${gpu.reductionPath}: ${c.optimizer}, d = ${c.features.length}, batch ${c.batchSize}, λ = ${c.l2}, bias ${c.bias}, ${c.reduction}`,
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
  expect(rows).toHaveLength(24);
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
  expect(result.after).toEqual({ steps: 2, refused: undefined });
});

/**
 * The model of any width on the GPU: all seven features with the L2 penalty,
 * trained for 100 steps beside the CPU engine (full batch and mini-batches,
 * summed and averaged, with the bias), 300 steps beside a float64
 * trajectory written here from the formulas alone, the cost surface as a
 * slice through two chosen weights, the probability grid through the
 * feature map, and the confusion matrix at a threshold other than 0.5.
 */
import { FEATURES } from '../../src/model/features';
import { expect, test } from './fixtures';

const ALL = FEATURES;

// One page for all three: each page's first GPU engine compiles the kernels, which SwiftShader takes a while over.
test('the model of any width on the GPU: d = 7 with λ, a float64 trajectory, slices, grids and the threshold', async ({
  harness,
}) => {
  // Both engines agree within 1e-4 over 100 steps at d = 7, λ > 0: full and mini-batch, sum and mean, with and without b.
  const rows = await harness.evaluate(async (features) => {
    const { GpuEngine, CpuEngine, f32Dataset } = window.lp;
    const n = 1201;
    const data = f32Dataset(n, 17);
    const cpu = new CpuEngine();
    const gpu = await GpuEngine.create();
    for (const e of [cpu, gpu]) await e.setData(data);
    const out = [];
    for (const batchSize of [0, 256]) {
      for (const reduction of ['sum', 'mean'] as const) {
        // With the bias, the harder case: b is trained beside seven weights, unpenalised (the tutorial's tests go without).
        const bias = true;
        // η about a third of the largest stable step for each reduction (features reach ~25 in size).
        const learningRate = reduction === 'mean' ? 0.004 : 0.004 / (batchSize || n);
        const options = {
          ...window.lp.INITIAL_OPTIONS,
          features: [...features],
          l2: 0.3,
          learningRate,
          bias,
          reduction,
          batchSize,
        };
        const start = { w: [0.5, -0.5, 0.1, -0.1, 0.2, 0.3, -0.3], b: bias ? 0.25 : 0 };
        const runs = [];
        let before = 0;
        for (const e of [cpu, gpu]) {
          e.setOptions(options);
          e.setParams(start);
          if (e === cpu) before = (await cpu.snapshot()).sumCost;
          runs.push(await e.train(100));
        }
        const [c, g] = runs as [(typeof runs)[0], (typeof runs)[0]];
        const scale = (p: { w: readonly number[]; b: number }) => Math.max(...p.w.map(Math.abs), Math.abs(p.b));
        let weightRel = 0;
        c.path.forEach((p, k) => {
          const q = g.path[k]!;
          const diff = Math.max(...p.w.map((w, j) => Math.abs(w - q.w[j]!)), Math.abs(p.b - q.b));
          weightRel = Math.max(weightRel, diff / scale(p));
        });
        const lossRel = Math.max(...c.losses.map((l, k) => Math.abs(l - g.losses[k]!) / l));
        out.push({
          batchSize,
          reduction,
          bias,
          width: [c.path.at(-1)!.w.length, g.path.at(-1)!.w.length],
          weightRel,
          lossRel,
          costRel: Math.abs(c.final.sumCost - g.final.sumCost) / c.final.sumCost,
          gradientRel:
            Math.max(...c.final.gradient.w.map((v, j) => Math.abs(v - g.final.gradient.w[j]!))) /
            Math.max(...c.final.gradient.w.map(Math.abs)),
          moved: Math.max(...c.path.at(-1)!.w.map((w, j) => Math.abs(w - start.w[j]!))),
          // The whole set's cost, before and after: a mini-batch's loss is an estimate and may rise from one batch to the next.
          falling: c.final.sumCost < before,
        });
      }
    }
    cpu.destroy();
    // Kept (not destroyed) until the last part: the engines of the parts below share its device, so the
    // kernels compile once for the whole test instead of once a part.
    (window as Window & { keeper?: { destroy(): void } }).keeper = gpu;
    return out;
  }, ALL);
  expect(rows).toHaveLength(4);
  for (const r of rows) {
    const where = `batch ${r.batchSize}, ${r.reduction}, bias ${r.bias}`;
    expect(r.width, where).toEqual([7, 7]);
    expect(r.weightRel, `weights (${where})`).toBeLessThan(1e-4);
    expect(r.lossRel, `losses (${where})`).toBeLessThan(1e-4);
    expect(r.costRel, `final cost (${where})`).toBeLessThan(1e-4);
    expect(r.gradientRel, `final gradient (${where})`).toBeLessThan(1e-3);
    // The runs went somewhere, downhill: agreement is not two engines standing still.
    expect(r.moved, where).toBeGreaterThan(0.05);
    expect(r.falling, where).toBe(true);
  }

  // The GPU follows a float64 trajectory written from the formulas for 300 steps (features, λ, bias, mean).
  const result = await harness.evaluate(async () => {
    const { GpuEngine, f32Dataset } = window.lp;
    const n = 2000;
    const data = f32Dataset(n, 23);
    const features = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2'] as const;
    const phi = (x1: number, x2: number) => [x1, x2, x1 * x1, x2 * x2, x1 * x2];
    const eta = 0.01;
    const l2 = 0.05;
    // The reference: mean cross-entropy plus (λ/2)‖w‖², bias trained and not penalised, in plain float64 loops.
    let w = [0.3, -0.2, 0, 0, 0];
    let b = 0.1;
    const trajectory: number[][] = [];
    for (let step = 0; step < 300; step++) {
      const g = [0, 0, 0, 0, 0];
      let gb = 0;
      for (let i = 0; i < n; i++) {
        const f = phi(data.points[2 * i]!, data.points[2 * i + 1]!);
        const z = f.reduce((s, v, j) => s + v * w[j]!, b);
        const r = 1 / (1 + Math.exp(-z)) - data.targets[i]!;
        f.forEach((v, j) => {
          g[j]! += v * r;
        });
        gb += r;
      }
      w = w.map((wj, j) => wj - eta * (g[j]! / n + l2 * wj));
      b -= eta * (gb / n);
      trajectory.push([...w, b]);
    }
    const gpu = await GpuEngine.create();
    await gpu.setData(data);
    gpu.setOptions({
      ...window.lp.INITIAL_OPTIONS,
      features: [...features],
      l2,
      learningRate: eta,
      bias: true,
      reduction: 'mean',
    });
    gpu.setParams({ w: [0.3, -0.2, 0, 0, 0], b: 0.1 });
    const path = [...(await gpu.train(150)).path, ...(await gpu.train(150)).path];
    gpu.destroy();
    let worst = 0;
    path.forEach((p, k) => {
      const ref = trajectory[k]!;
      const scale = Math.max(...ref.map(Math.abs));
      const diff = Math.max(...[...p.w, p.b].map((v, j) => Math.abs(v - ref[j]!)));
      worst = Math.max(worst, diff / scale);
    });
    return { steps: path.length, worst, end: trajectory.at(-1)!, start: [0.3, -0.2, 0, 0, 0, 0.1] };
  });
  expect(result.steps).toBe(300);
  expect(result.worst).toBeLessThan(1e-3);
  expect(Math.max(...result.end.map((v, j) => Math.abs(v - result.start[j]!)))).toBeGreaterThan(0.1);

  // The cost surface is the slice through two chosen weights, penalty included; the grid maps the features; y ≥ 0.7 counts.
  const slices = await harness.evaluate(async (features) => {
    const { GpuEngine, CpuEngine, f32Dataset } = window.lp;
    const data = f32Dataset(2049, 29);
    const engines = [new CpuEngine(), await GpuEngine.create()] as const;
    const out = [];
    for (const e of engines) await e.setData(data);
    for (const [axes, reduction] of [
      [[2, 3], 'mean'],
      [[6, 0], 'sum'],
    ] as const) {
      const params = { w: [0.4, -0.3, 0.2, -0.1, 0.15, 0.5, -0.5], b: 0.3 };
      for (const e of engines) {
        e.setOptions({
          ...window.lp.INITIAL_OPTIONS,
          features: [...features],
          l2: 0.7,
          bias: true,
          reduction,
          threshold: 0.7,
        });
        e.setParams(params);
      }
      const surfaceGrid = { x: [-2, 2] as const, y: [-1.5, 2.5] as const, size: 24 };
      const inputGrid = { x: [-4, 4] as const, y: [-4, 4] as const, size: 24 };
      const [cs, gs] = [
        await engines[0].costSurface(surfaceGrid, { axes }),
        await engines[1].costSurface(surfaceGrid, { axes }),
      ];
      const [cp, gp] = [await engines[0].probabilityGrid(inputGrid), await engines[1].probabilityGrid(inputGrid)];
      const [c, g] = [await engines[0].snapshot(), await engines[1].snapshot()];
      // At the current weights the slice passes through the current cost.
      const at = (grid: typeof surfaceGrid, value: number, range: readonly [number, number]) =>
        ((value - range[0]) / (range[1] - range[0])) * (grid.size - 1);
      out.push({
        axes,
        surfaceRel: Math.max(...Array.from(cs, (v, i) => Math.abs(v - gs[i]!) / Math.abs(v))),
        probabilityRel: Math.max(...Array.from(cp, (v, i) => Math.abs(v - gp[i]!) / Math.max(Math.abs(v), 1e-3))),
        confusion: [c.confusion, g.confusion],
        onGrid: [
          at(surfaceGrid, params.w[axes[0]]!, surfaceGrid.x),
          at(surfaceGrid, params.w[axes[1]]!, surfaceGrid.y),
        ],
        spread: [Math.min(...cs), Math.max(...cs)],
      });
    }
    for (const e of engines) e.destroy();
    (window as Window & { keeper?: { destroy(): void } }).keeper?.destroy();
    return out;
  }, ALL);
  for (const r of slices) {
    const where = `axes ${r.axes.join(', ')}`;
    expect(r.surfaceRel, `surface (${where})`).toBeLessThan(1e-4);
    expect(r.probabilityRel, `probability grid (${where})`).toBeLessThan(1e-4);
    expect(r.spread[1]! / r.spread[0]!, where).toBeGreaterThan(1.2);
    // Counted at y ≥ 0.7 on both; f32 and f64 may part on a point that lies on the boundary, never more.
    const [c, g] = [r.confusion[0]!, r.confusion[1]!];
    expect(
      Math.abs(c.truePositive! - g.truePositive!) + Math.abs(c.trueNegative! - g.trueNegative!),
    ).toBeLessThanOrEqual(1);
    expect(c.falseNegative, `a threshold of 0.7 calls some class-1 points class 0 (${where})`).toBeGreaterThan(0);
  }
});

// The kernels hold each weight in its feature's slot (src/gpu/feature-slots.ts): a model of some features
// only, not a prefix of the list, must train, slice and draw as the CPU does, and a change to other
// features of the same width, in either order of setOptions and setParams, must move the weights to
// their new slots and leave nothing in the old ones.
test('features that are not a prefix of the list, and a change to others of the same width, in either order', async ({
  harness,
}) => {
  const rows = await harness.evaluate(async () => {
    const { GpuEngine, CpuEngine, f32Dataset } = window.lp;
    const data = f32Dataset(777, 31);
    const engines = [new CpuEngine(), await GpuEngine.create()] as const;
    for (const e of engines) await e.setData(data);
    const base = { ...window.lp.INITIAL_OPTIONS, l2: 0.1, bias: true, reduction: 'mean' as const, learningRate: 0.01 };
    const first = ['x2', 'x1^2', 'sin(x2)'] as const;
    const second = ['x1', 'x2^2', 'sin(x1)'] as const;
    const out = [];
    for (const optionsFirst of [true, false]) {
      const runs = [];
      for (const e of engines) {
        e.setOptions({ ...base, features: [...first] });
        e.setParams({ w: [0.4, -0.3, 0.6], b: 0.2 });
        await e.train(40);
        const next = { w: [-0.2, 0.25, -0.5], b: -0.1 };
        if (optionsFirst) {
          e.setOptions({ ...base, features: [...second] });
          e.setParams(next);
        } else {
          e.setParams(next);
          e.setOptions({ ...base, features: [...second] });
        }
        const result = await e.train(60);
        const surface = await e.costSurface({ x: [-1, 1], y: [-1, 1], size: 12 }, { axes: [2, 0] });
        const grid = await e.probabilityGrid({ x: [-3, 3], y: [-3, 3], size: 12 });
        runs.push({ end: result.path.at(-1)!, cost: result.final.sumCost, surface, grid });
      }
      const [c, g] = runs as [(typeof runs)[0], (typeof runs)[0]];
      const rel = (a: ArrayLike<number>, b: ArrayLike<number>) =>
        Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!) / Math.max(Math.abs(v), 1e-3)));
      out.push({
        optionsFirst,
        widths: [c.end.w.length, g.end.w.length],
        weights: rel([...c.end.w, c.end.b], [...g.end.w, g.end.b]),
        cost: Math.abs(c.cost - g.cost) / c.cost,
        surface: rel(c.surface, g.surface),
        grid: rel(c.grid, g.grid),
      });
    }
    for (const e of engines) e.destroy();
    return out;
  });
  expect(rows).toHaveLength(2);
  for (const r of rows) {
    const where = r.optionsFirst ? 'setOptions first' : 'setParams first';
    expect(r.widths, where).toEqual([3, 3]);
    expect(r.weights, `weights (${where})`).toBeLessThan(1e-4);
    expect(r.cost, `cost (${where})`).toBeLessThan(1e-4);
    expect(r.surface, `surface (${where})`).toBeLessThan(1e-4);
    expect(r.grid, `probability grid (${where})`).toBeLessThan(1e-4);
  }
});

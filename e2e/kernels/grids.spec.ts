/** The cost surface and the probability grid against the CPU at every point of a 32×32 grid. */
import { expect, test } from './fixtures';

for (const [label, n] of [
  ['the tutorial data', 0],
  ['10 007 samples', 10_007],
] as const) {
  test(`cost surface and probability grid match the CPU on ${label}`, async ({ harness }) => {
    const rows = await harness.evaluate(async (n) => {
      const { GpuEngine, CpuEngine, f32Dataset, tutorialDataset } = window.lp;
      const data = n === 0 ? tutorialDataset() : f32Dataset(n, 21);
      const engines = [new CpuEngine(), await GpuEngine.create()] as const;
      for (const e of engines) await e.setData(data);
      const out = [];
      for (const bias of [false, true]) {
        for (const reduction of ['sum', 'mean'] as const) {
          for (const e of engines) {
            e.setOptions({ ...window.lp.INITIAL_OPTIONS, learningRate: 0.05, bias, reduction, batchSize: 0 });
            e.setParams({ w: [1.2, -0.4], b: bias ? -0.6 : 0 });
          }
          const surfaceGrid = { x: [-4, 4] as const, y: [-3, 5] as const, size: 32 };
          const inputGrid = { x: [-5, 5] as const, y: [-4, 4] as const, size: 32 };
          const [cs, gs] = [await engines[0].costSurface(surfaceGrid), await engines[1].costSurface(surfaceGrid)];
          const [cp, gp] = [await engines[0].probabilityGrid(inputGrid), await engines[1].probabilityGrid(inputGrid)];
          out.push({
            bias,
            reduction,
            cells: [cs.length, gs.length, cp.length, gp.length],
            surfaceRel: Math.max(...Array.from(cs, (c, i) => Math.abs(c - gs[i]!) / Math.abs(c))),
            // Probabilities near 0 are judged on their scale, not relatively: 1e-4 of max(p, 1e-3).
            probabilityRel: Math.max(...Array.from(cp, (c, i) => Math.abs(c - gp[i]!) / Math.max(Math.abs(c), 1e-3))),
            spread: [Math.min(...cs), Math.max(...cs), Math.min(...cp), Math.max(...cp)],
          });
        }
      }
      for (const e of engines) e.destroy();
      return out;
    }, n);
    for (const r of rows) {
      const where = `bias ${r.bias}, ${r.reduction}`;
      expect(r.cells, where).toEqual([1024, 1024, 1024, 1024]);
      expect(r.surfaceRel, `cost surface (${where})`).toBeLessThan(1e-4);
      expect(r.probabilityRel, `probability grid (${where})`).toBeLessThan(1e-4);
      // The grids are not flat: they span real ranges.
      expect(r.spread[1]! / r.spread[0]!, where).toBeGreaterThan(1.5);
      expect(r.spread[2]!).toBeLessThan(0.1);
      expect(r.spread[3]!).toBeGreaterThan(0.9);
    }
  });
}

test('a probability grid asked for with the training call equals one computed after it', async ({ harness }) => {
  const result = await harness.evaluate(async () => {
    const { GpuEngine, CpuEngine, tutorialDataset } = window.lp;
    const grid = { x: [-4, 4] as const, y: [-4, 4] as const, size: 17 };
    const out = [];
    for (const engine of [await GpuEngine.create(), new CpuEngine()]) {
      await engine.setData(tutorialDataset());
      window.lp.startTutorial(engine);
      const together = await engine.train(3, { probabilityGrid: grid });
      const after = await engine.probabilityGrid(grid);
      const alone = await engine.train(1);
      out.push({
        kind: engine.kind,
        length: together.probabilities?.length ?? 0,
        maxDiff: Math.max(...Array.from(after, (p, i) => Math.abs(p - (together.probabilities?.[i] ?? Number.NaN)))),
        plainHasNone: alone.probabilities === undefined,
      });
      engine.destroy();
    }
    return out;
  });
  for (const r of result) {
    expect(r.length, r.kind).toBe(17 * 17);
    expect(r.maxDiff, r.kind).toBe(0);
    expect(r.plainHasNone, r.kind).toBe(true);
  }
});

test('a surface from interleaved slices of the samples matches the CPU, and the slices add up to the whole', async ({
  harness,
}) => {
  const result = await harness.evaluate(async () => {
    const { GpuEngine, CpuEngine, f32Dataset } = window.lp;
    const n = 5003;
    const data = f32Dataset(n, 8);
    const engines = [new CpuEngine(), await GpuEngine.create()] as const;
    const grid = { x: [-4, 4] as const, y: [-4, 4] as const, size: 24 };
    const out = [];
    for (const reduction of ['sum', 'mean'] as const) {
      for (const e of engines) {
        await e.setData(data);
        e.setOptions({ ...window.lp.INITIAL_OPTIONS, learningRate: 0.05, bias: true, reduction, batchSize: 0 });
        e.setParams({ w: [0.5, 0.5], b: 0.25 });
      }
      const whole = await engines[1].costSurface(grid);
      const stride = 7;
      const added = new Float64Array(whole.length);
      let rel = 0;
      for (let first = 0; first < stride; first++) {
        const part = { first, stride, bias: first === 3 ? -1 : undefined };
        const [c, g] = [await engines[0].costSurface(grid, part), await engines[1].costSurface(grid, part)];
        rel = Math.max(rel, ...Array.from(c, (v, i) => Math.abs(v - g[i]!) / Math.abs(v)));
        const count = Math.ceil((n - first) / stride);
        // Slice 3 is at another b: leave it out of the sum, add it at the current b instead.
        const at = first === 3 ? await engines[1].costSurface(grid, { first, stride }) : g;
        at.forEach((v, i) => {
          added[i]! += (v * count) / n;
        });
      }
      out.push({
        reduction,
        rel,
        addsUp: Math.max(...Array.from(whole, (v, i) => Math.abs(v - added[i]!) / v)),
      });
    }
    for (const e of engines) e.destroy();
    return out;
  });
  for (const r of result) {
    expect(r.rel, r.reduction).toBeLessThan(1e-4);
    expect(r.addsUp, r.reduction).toBeLessThan(1e-5);
  }
});

/**
 * The GPU's cost and gradient against the CPU reference, for sizes around the
 * workgroup size (256) and large ones, with and without bias, summed and
 * averaged, on the plain and subgroup reductions, with logits up to ±1e3.
 */
import { expect, test } from './fixtures';

// The sizes around the workgroup share one page and one pair of engines (each GPU engine's start compiles its kernels).
const SIZE_GROUPS = [[1, 63, 64, 255, 256, 257, 10_007], [1_000_003]];

for (const sizes of SIZE_GROUPS) {
  test(`GPU cost and gradient match the CPU for N = ${sizes.join(', ')}`, async ({ harness }) => {
    const rows = await harness.evaluate(async (sizes) => {
      const { GpuEngine, CpuEngine, f32Dataset } = window.lp;
      const cpu = new CpuEngine();
      const gpus = {
        // Two dispatches a step, which these reductions are (fused.spec.ts holds the fused kernel to the CPU).
        plain: await GpuEngine.create({ reductionPath: 'plain', fused: 'off' }),
        subgroup: await GpuEngine.create({ reductionPath: 'subgroup', fused: 'off' }),
      };
      const results = [];
      for (const n of sizes) {
        const data = f32Dataset(n, 11, 1000);
        await cpu.setData(data);
        for (const path of ['plain', 'subgroup'] as const) {
          const gpu = gpus[path];
          await gpu.setData(data);
          for (const bias of [false, true]) {
            for (const reduction of ['sum', 'mean'] as const) {
              const params = { w: [2.7, -1.9], b: bias ? 0.8 : 0 };
              const options = { ...window.lp.INITIAL_OPTIONS, learningRate: 1, bias, reduction, batchSize: 0 };
              for (const engine of [cpu, gpu]) {
                engine.setOptions(options);
                engine.setParams(params);
              }
              const [c, g] = [await cpu.snapshot(), await gpu.snapshot()];
              const gc = [c.gradient.w[0]!, c.gradient.w[1]!, c.gradient.b];
              const gg = [g.gradient.w[0]!, g.gradient.w[1]!, g.gradient.b];
              const norm = Math.max(...gc.map(Math.abs));
              const gradRel = Math.max(...gc.map((v, i) => Math.abs(v - (gg[i] as number)))) / norm;
              // One step each, sized so that the weights move by about 0.5: compares the update kernel.
              const eta = 0.5 / norm;
              for (const engine of [cpu, gpu]) {
                engine.setOptions({ ...options, learningRate: eta });
                engine.setParams(params);
              }
              const [sc, sg] = [await cpu.train(1), await gpu.train(1)];
              const dc = [sc.path[0]!.w[0]! - params.w[0]!, sc.path[0]!.w[1]! - params.w[1]!, sc.path[0]!.b - params.b];
              const dg = [sg.path[0]!.w[0]! - params.w[0]!, sg.path[0]!.w[1]! - params.w[1]!, sg.path[0]!.b - params.b];
              const stepNorm = Math.max(...dc.map(Math.abs));
              results.push({
                n,
                path,
                bias,
                reduction,
                costRel: Math.abs(g.sumCost - c.sumCost) / c.sumCost,
                meanRel: Math.abs(g.meanCost - c.meanCost) / c.meanCost,
                gradRel,
                stepRel: Math.max(...dc.map((v, i) => Math.abs(v - (dg[i] as number)))) / stepNorm,
                lossRel: Math.abs((sg.losses[0] as number) - (sc.losses[0] as number)) / (sc.losses[0] as number),
                finite: [g.sumCost, ...gg, ...dg, sg.final.sumCost].every(Number.isFinite),
                wrong: [
                  g.confusion.falsePositive + g.confusion.falseNegative,
                  c.confusion.falsePositive + c.confusion.falseNegative,
                ],
                biasHeld: bias || sg.path[0]!.b === 0,
              });
            }
          }
        }
      }
      gpus.plain.destroy();
      gpus.subgroup.destroy();
      cpu.destroy();
      return results;
    }, sizes);

    expect(rows).toHaveLength(8 * sizes.length);
    for (const r of rows) {
      const where = `N = ${r.n}, ${r.path}, bias ${r.bias}, ${r.reduction}`;
      expect(r.finite, `finite (${where})`).toBe(true);
      expect(r.costRel, `cost (${where})`).toBeLessThan(1e-4);
      expect(r.meanRel, `mean cost (${where})`).toBeLessThan(1e-4);
      expect(r.gradRel, `gradient (${where})`).toBeLessThan(1e-4);
      expect(r.stepRel, `step (${where})`).toBeLessThan(1e-4);
      expect(r.lossRel, `loss before the step (${where})`).toBeLessThan(1e-4);
      expect(r.biasHeld, `b stays 0 without bias (${where})`).toBe(true);
      // f32 and f64 may disagree on a point lying on the boundary, never on more.
      expect(Math.abs(r.wrong[0]! - r.wrong[1]!), `misclassified (${where})`).toBeLessThanOrEqual(1);
    }
  });
}

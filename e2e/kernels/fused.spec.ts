/**
 * The fused kernel (many steps in one dispatch, for small data) against the
 * CPU's float64 engine: N from 1 to the most it takes, every optimiser, two
 * features and all seven, the full batch and mini-batches, with 4
 * invocations (a CPU adapter's) and 64 (a GPU's), 24 steps as 16 + 8, within 1e-3.
 */
import { FUSED_MAX_N } from '../../src/gpu/fused-path';
import { expect, test } from './fixtures';

const SIZES = [1, 40, 257, FUSED_MAX_N];

test('the fused kernel follows the CPU for every optimiser, N from 1 to its largest', async ({ harness }) => {
  test.setTimeout(240_000);
  const rows = await harness.evaluate(async (sizes) => {
    const { GpuEngine, CpuEngine, f32Dataset, INITIAL_OPTIONS, optimizerReference: ref } = window.lp;
    type P = { readonly w: readonly number[]; readonly b: number };
    const RATES = { gd: 0.5, momentum: 0.1, nesterov: 0.1, adam: 0.05, newton: 0.5 } as const;
    const WIDTHS = [
      ['x1', 'x2'],
      ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'],
    ] as const;
    const cpu = new CpuEngine();
    const gpus = [4, 64] as const;
    const engines = await Promise.all(gpus.map((fused) => GpuEngine.create({ fused })));
    // Every dispatch a train call encodes: the fused kernel takes one for these few steps, two a step would be 34.
    let dispatches = 0;
    const dispatch = GPUComputePassEncoder.prototype.dispatchWorkgroups;
    GPUComputePassEncoder.prototype.dispatchWorkgroups = function (this: GPUComputePassEncoder, x: number, y?: number) {
      dispatches++;
      return dispatch.call(this, x, y);
    };
    const out = [];
    for (const n of sizes) {
      const data = f32Dataset(n, 17);
      await cpu.setData(data);
      for (const gpu of engines) await gpu.setData(data);
      for (const optimizer of Object.keys(RATES) as (keyof typeof RATES)[]) {
        for (const features of WIDTHS) {
          for (const batchSize of [0, 32]) {
            const options = {
              ...INITIAL_OPTIONS,
              features: [...features],
              learningRate: RATES[optimizer],
              optimizer: window.lp.racerSettings({ optimizer, learningRate: RATES[optimizer] }, INITIAL_OPTIONS),
              bias: true,
              reduction: 'mean' as const,
              l2: 0.1,
              batchSize,
            };
            const start: P = { w: features.map((_, j) => (j % 2 === 0 ? 0.3 : -0.2)), b: 0.1 };
            const run = async (engine: typeof cpu | (typeof engines)[number]) => {
              engine.setOptions(options);
              engine.setParams(start);
              const first = await engine.train(16);
              const before = dispatches;
              const second = await engine.train(8);
              return {
                path: [...first.path, ...second.path],
                losses: [...first.losses, ...second.losses],
                final: second.final,
                refused: first.refused ?? second.refused,
                dispatches: dispatches - before,
              };
            };
            const expected = await run(cpu);
            const reference = expected.path.map((p) => [...p.w, p.b]);
            for (const [k, gpu] of engines.entries()) {
              const got = await run(gpu);
              out.push({
                name: `N = ${n}, ${optimizer}, d = ${features.length}, batch ${batchSize}, ${gpus[k]} invocations`,
                steps: got.path.length,
                gap: ref.worstRelativeGap(got.path, reference),
                lossGap: Math.max(
                  ...got.losses.map((l, i) => Math.abs(l - expected.losses[i]!) / Math.max(1, expected.losses[i]!)),
                ),
                finalGap: Math.abs(got.final.meanCost - expected.final.meanCost) / Math.max(1, expected.final.meanCost),
                correct: [got.final.confusion, expected.final.confusion].map((c) => c.truePositive + c.trueNegative),
                refused: got.refused ?? expected.refused,
                dispatches: got.dispatches,
              });
            }
          }
        }
      }
    }
    GPUComputePassEncoder.prototype.dispatchWorkgroups = dispatch;
    for (const gpu of engines) gpu.destroy();
    return out;
  }, SIZES);
  expect(rows).toHaveLength(SIZES.length * 5 * 2 * 2 * 2);
  for (const row of rows) {
    expect(row.refused, row.name).toBeUndefined();
    expect(row.steps, row.name).toBe(24);
    expect(row.gap, row.name).toBeLessThan(1e-3);
    expect(row.lossGap, row.name).toBeLessThan(1e-3);
    expect(row.finalGap, row.name).toBeLessThan(1e-3);
    // f32 logits may round a point lying on the boundary the other way.
    expect(Math.abs(row.correct[0]! - row.correct[1]!), row.name).toBeLessThanOrEqual(1);
    expect(row.dispatches, `${row.name}: one dispatch for 8 steps`).toBe(1);
  }
});

/**
 * The CPU engine's WebAssembly kernel in a real browser: it compiles under
 * the pages' security policy, its sums are the model's loop's, and the
 * engine's passes over large data, on the main thread and on workers, give
 * the model's evaluation (the loop, in JavaScript) within 1e-12.
 */
import { expect, test } from './fixtures';

test('compiles in Chromium under our policy and sums as the model’s loop', async ({ harness }) => {
  const result = await harness.evaluate(() => {
    const { TutorialSums, sumSamples, TUTORIAL_FORM, f32Dataset } = window.lp;
    // Logits to about ±40 on a few points: the tails of exp and log1p are crossed too.
    const data = f32Dataset(100_003, 31, 40);
    const kernel = TutorialSums.load(data);
    if (!kernel) return { loaded: false, gaps: [] };
    const gaps = [];
    for (const [w1, w2, b, threshold] of [
      [0.3, -0.2, 0.1, 0.5],
      [3, -2, 1, 0.3],
      [-8, 5, -2, 0.8],
    ] as const) {
      const form = { ...TUTORIAL_FORM, threshold };
      const params = { w: [w1, w2], b };
      const got = kernel.sum(params, form);
      const want = sumSamples(data, params, form);
      const values = (s: typeof got) => [s.cost, ...s.gradient.w, s.gradient.b];
      const wanted = values(want);
      gaps.push({
        relative: Math.max(...values(got).map((v, k) => Math.abs(v - wanted[k]!) / Math.max(1, Math.abs(wanted[k]!)))),
        sameCounts: JSON.stringify(got.confusion) === JSON.stringify(want.confusion) && got.count === want.count,
      });
    }
    return { loaded: true, gaps };
  });
  expect(result.loaded).toBe(true);
  expect(result.gaps).toHaveLength(3);
  for (const gap of result.gaps) {
    expect(gap.sameCounts).toBe(true);
    expect(gap.relative).toBeLessThan(1e-12);
  }
});

test('the engine’s passes over large data, alone and on workers, give the model’s evaluation', async ({ harness }) => {
  test.setTimeout(120_000);
  const rows = await harness.evaluate(async () => {
    const { CpuEngine, evaluate, f32Dataset, INITIAL_OPTIONS } = window.lp;
    const data = f32Dataset(65_537, 37);
    const options = { ...INITIAL_OPTIONS, learningRate: 0.5, bias: true, reduction: 'mean' as const, l2: 0.01 };
    const params = { w: [1.3, -0.7], b: 0.2 };
    const want = evaluate(data, params, options);
    const out = [];
    for (const threads of [0, 2]) {
      const engine = new CpuEngine({ threads });
      await engine.setData(data);
      engine.setOptions(options);
      engine.setParams(params);
      const got = await engine.snapshot();
      out.push({
        threads,
        workers: engine.workers.count,
        cost: Math.abs(got.meanCost - want.meanCost) / want.meanCost,
        gradient: Math.max(
          ...got.gradient.w.map((g, j) => Math.abs(g - want.gradient.w[j]!)),
          Math.abs(got.gradient.b - want.gradient.b),
        ),
        sameConfusion: JSON.stringify(got.confusion) === JSON.stringify(want.confusion),
      });
      engine.destroy();
    }
    return out;
  });
  expect(rows.map((r) => r.workers)).toEqual([0, 2]);
  for (const row of rows) {
    expect(row.sameConfusion, `${row.threads} threads`).toBe(true);
    expect(row.cost, `${row.threads} threads`).toBeLessThan(1e-12);
    expect(row.gradient, `${row.threads} threads`).toBeLessThan(1e-12);
  }
});

test.describe('on a page whose policy forbids compiling WebAssembly', () => {
  test.use({ harnessPage: 'harness-no-wasm.html' });

  test('the kernel stays out, without an error, and the main thread’s pass is the model’s loop', async ({
    harness,
  }) => {
    const result = await harness.evaluate(async () => {
      const { TutorialSums, CpuEngine, evaluate, f32Dataset, INITIAL_OPTIONS } = window.lp;
      const data = f32Dataset(40_001, 3);
      const options = { ...INITIAL_OPTIONS, reduction: 'mean' as const, bias: true };
      const params = { w: [1, -1], b: 0.5 };
      const engine = new CpuEngine({ threads: 0 });
      await engine.setData(data);
      engine.setOptions(options);
      engine.setParams(params);
      const snapshot = await engine.snapshot();
      const want = evaluate(data, params, options);
      engine.destroy();
      return { loaded: TutorialSums.load(data) !== undefined, same: snapshot.meanCost === want.meanCost };
    });
    expect(result).toEqual({ loaded: false, same: true });
  });
});

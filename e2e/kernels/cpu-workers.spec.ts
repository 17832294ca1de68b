/**
 * The CPU engine's workers in a real browser, against its main thread: 1, 2
 * and 4 workers, N not divisible by the count, every optimiser's first-order
 * path and Newton's, on a page that copies each worker its part and on a
 * cross-origin isolated page that shares one copy. The tutorial's w(10)
 * holds on the worker path too.
 */
import { TUTORIAL_REFERENCE } from '../../src/model/tutorial-reference';
import { expect, test } from './fixtures';

const [W10_1, W10_2] = TUTORIAL_REFERENCE.path[10];

/** Every worker count's path against the main thread's, the largest gap, and how the workers got the data. */
async function workersAgainstMainThread(page: import('@playwright/test').Page) {
  return page.evaluate(async () => {
    const { CpuEngine, f32Dataset, INITIAL_OPTIONS, racerSettings } = window.lp;
    const data = f32Dataset(100_003, 23);
    const rows = [];
    for (const optimizer of ['gd', 'adam', 'newton'] as const) {
      const rate = optimizer === 'adam' ? 0.05 : 0.5;
      const options = {
        ...INITIAL_OPTIONS,
        learningRate: rate,
        optimizer: racerSettings({ optimizer, learningRate: rate }, INITIAL_OPTIONS),
        bias: true,
        reduction: 'mean' as const,
        l2: 0.01,
      };
      const run = async (threads: number) => {
        const engine = new CpuEngine({ threads });
        await engine.setData(data);
        engine.setOptions(options);
        engine.setParams({ w: [0.3, -0.2], b: 0.1 });
        const first = await engine.train(6);
        const second = await engine.train(6);
        const workers = engine.workers;
        engine.destroy();
        return { path: [...first.path, ...second.path], final: second.final, workers };
      };
      const alone = await run(0);
      for (const threads of [1, 2, 4]) {
        const split = await run(threads);
        let gap = Math.abs(split.final.meanCost - alone.final.meanCost);
        split.path.forEach((p, s) => {
          const q = alone.path[s]!;
          gap = Math.max(gap, Math.abs(p.b - q.b), ...p.w.map((w, j) => Math.abs(w - q.w[j]!)));
        });
        rows.push({
          optimizer,
          threads,
          gap,
          steps: split.path.length,
          workers: split.workers,
          sameConfusion: JSON.stringify(split.final.confusion) === JSON.stringify(alone.final.confusion),
        });
      }
    }
    return { rows, isolated: self.crossOriginIsolated };
  });
}

function expectAgreement(result: Awaited<ReturnType<typeof workersAgainstMainThread>>, sharing: string): void {
  expect(result.rows).toHaveLength(9);
  for (const row of result.rows) {
    expect(row.workers, `${row.optimizer} on ${row.threads}`).toEqual({ count: row.threads, sharing });
    expect(row.steps).toBe(12);
    expect(row.sameConfusion, `${row.optimizer} on ${row.threads}`).toBe(true);
    // The float64 specification's tolerance, as the GPU engine is held to; the sums only add in another order.
    expect(row.gap, `${row.optimizer} on ${row.threads}`).toBeLessThan(1e-9);
  }
}

test('workers that get a copy of their part train as the main thread does', async ({ harness }) => {
  test.setTimeout(180_000);
  const result = await workersAgainstMainThread(harness);
  expect(result.isolated).toBe(false);
  expectAgreement(result, 'copied');
});

test.describe('on a cross-origin isolated page', () => {
  test.use({ isolated: true });
  test('workers that share one copy of the data train as the main thread does', async ({ harness }) => {
    test.setTimeout(180_000);
    const result = await workersAgainstMainThread(harness);
    expect(result.isolated).toBe(true);
    expectAgreement(result, 'shared');
  });
});

test('large data take the workers by default; the tutorial’s w(10) holds on two workers', async ({ harness }) => {
  const result = await harness.evaluate(async () => {
    const { CpuEngine, f32Dataset, INITIAL_OPTIONS, tutorialDataset, startTutorial } = window.lp;
    const auto = new CpuEngine();
    await auto.setData(f32Dataset(1 << 16, 3));
    auto.setOptions({ ...INITIAL_OPTIONS, reduction: 'mean' });
    await auto.train(2);
    const large = auto.workers.count;
    await auto.setData(tutorialDataset());
    await auto.train(2);
    const small = auto.workers.count;
    auto.destroy();
    const two = new CpuEngine({ threads: 2 });
    await two.setData(tutorialDataset());
    startTutorial(two);
    const w10 = (await two.train(10)).path.at(-1);
    const workers = two.workers.count;
    two.destroy();
    return { large, small, cores: navigator.hardwareConcurrency, w10, workers };
  });
  expect(result.large).toBe(Math.min(4, result.cores));
  expect(result.small).toBe(0);
  expect(result.workers).toBe(2);
  // The reference's printed digits, as every path is held to them (hardening.spec.ts).
  expect(Math.abs((result.w10?.w[0] ?? 0) - W10_1)).toBeLessThan(1e-4);
  expect(Math.abs((result.w10?.w[1] ?? 0) - W10_2)).toBeLessThan(1e-4);
});

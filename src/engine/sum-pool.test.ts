/**
 * The CPU engine's workers, in Node: the pool and the engine over workers
 * that run the real jobs in this thread and answer later, as real ones do
 * (testing/in-thread-worker.ts). The browser's own workers are held to the same
 * numbers in e2e/kernels/cpu-workers.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { f32Dataset } from '../../e2e/kernels/test-data';
import { INITIAL_OPTIONS } from '../contract/engine';
import { FEATURES } from '../model/features';
import { type Params, sumSamples, TUTORIAL_FORM } from '../model/regression';
import { CpuEngine } from './cpu-engine';
import { checkThreads, MAX_CPU_WORKERS, WORKER_MIN_N, workersFor } from './cpu-threads';
import { partStart, SumPool } from './sum-pool';
import { InThreadWorker, spawnInThreadWorker } from './testing/in-thread-worker';

const spawn = spawnInThreadWorker;
const sumJobs = () => InThreadWorker.started.flatMap((w) => w.jobs).filter((j) => j.kind === 'sum').length;
const AT: Params = { w: [0.4, -0.7], b: 0.2 };

describe('how many workers a pass takes', () => {
  it('keeps small data on the main thread and gives large data one worker a core, up to the cap', () => {
    expect(workersFor('auto', WORKER_MIN_N - 1, 8, true)).toBe(0);
    expect(workersFor('auto', WORKER_MIN_N, 2, true)).toBe(2);
    expect(workersFor('auto', WORKER_MIN_N, 16, true)).toBe(MAX_CPU_WORKERS);
    expect(workersFor('auto', 1e6, 1, true)).toBe(0);
    expect(workersFor('auto', 1e6, 8, false)).toBe(0);
    expect(workersFor(3, 10, 1, true)).toBe(3);
    expect(workersFor(3, 10, 1, false)).toBe(0);
  });

  it('refuses a thread count that is not a whole number from 0 to 64', () => {
    for (const bad of [-1, 1.5, Number.NaN, 65]) expect(() => checkThreads(bad)).toThrow(/threads must be/);
    for (const good of ['auto', 0, 4, 64] as const) expect(() => checkThreads(good)).not.toThrow();
  });

  it('splits n samples into parts that cover them once, in order, sizes within one', () => {
    for (const [parts, n] of [
      [1, 7],
      [2, 7],
      [4, 1001],
      [4, 3],
    ] as const) {
      const starts = Array.from({ length: parts + 1 }, (_, k) => partStart(k, parts, n));
      expect(starts[0]).toBe(0);
      expect(starts[parts]).toBe(n);
      const sizes = starts.slice(1).map((s, k) => s - starts[k]!);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});

describe('the pool', () => {
  it('sums like one pass for 1, 2 and 4 workers, shared or copied, n not divisible by the count', async () => {
    const data = f32Dataset(1001, 5);
    const form = { ...TUTORIAL_FORM, features: FEATURES, l2: 0.1, threshold: 0.3 };
    const params: Params = { w: FEATURES.map((_, j) => (j % 2 ? 0.3 : -0.2)), b: 0.1 };
    const one = sumSamples(data, params, form);
    for (const size of [1, 2, 4]) {
      for (const sharing of ['shared', 'copied'] as const) {
        const pool = new SumPool(size, spawn, sharing);
        const sums = await pool.sum(data, params, form);
        pool.destroy();
        expect(sums.count).toBe(1001);
        expect(sums.confusion).toEqual(one.confusion);
        expect(sums.cost).toBeCloseTo(one.cost, 9);
        sums.gradient.w.forEach((g, j) => {
          expect(g).toBeCloseTo(one.gradient.w[j]!, 9);
        });
        expect(sums.gradient.b).toBeCloseTo(one.gradient.b, 9);
      }
    }
  });

  it('hands the data out once, and again only after forget()', async () => {
    InThreadWorker.started = [];
    const pool = new SumPool(2, spawn, 'copied');
    const data = f32Dataset(10, 1);
    await pool.sum(data, AT, TUTORIAL_FORM);
    await pool.sum(data, AT, TUTORIAL_FORM);
    const parts = () => InThreadWorker.started.flatMap((w) => w.jobs).filter((j) => j.kind === 'part').length;
    expect(parts()).toBe(2);
    pool.forget();
    await pool.sum(data, AT, TUTORIAL_FORM);
    expect(parts()).toBe(4);
    pool.destroy();
  });

  it('rejects a pass when a worker dies, and every pass after', async () => {
    InThreadWorker.started = [];
    const pool = new SumPool(2, spawn, 'copied');
    const data = f32Dataset(10, 1);
    const pass = pool.sum(data, AT, TUTORIAL_FORM);
    InThreadWorker.started[1]!.crash();
    await expect(pass).rejects.toThrow('a CPU worker stopped (boom)');
    await expect(pool.sum(data, AT, TUTORIAL_FORM)).rejects.toThrow('a CPU worker stopped');
    pool.destroy();
  });
});

describe('the CPU engine over workers', () => {
  const options = { ...INITIAL_OPTIONS, learningRate: 0.5, bias: true, reduction: 'mean' as const };

  async function trained(engine: CpuEngine, steps: number) {
    await engine.setData(f32Dataset(1001, 9));
    engine.setOptions(options);
    engine.setParams(AT);
    return engine.train(steps);
  }

  it('trains as the main thread does, for 1, 2 and 4 workers', async () => {
    const alone = await trained(new CpuEngine({ threads: 0 }), 12);
    for (const threads of [1, 2, 4]) {
      const engine = new CpuEngine({ threads, spawnWorker: spawn });
      const split = await trained(engine, 12);
      expect(engine.workers.count).toBe(threads);
      split.path.forEach((p, s) => {
        p.w.forEach((w, j) => {
          expect(w).toBeCloseTo(alone.path[s]!.w[j]!, 10);
        });
        expect(p.b).toBeCloseTo(alone.path[s]!.b, 10);
      });
      expect(split.final.confusion).toEqual(alone.final.confusion);
      engine.destroy();
    }
  });

  it('takes one pass a step: the closing snapshot is the next call’s first gradient', async () => {
    InThreadWorker.started = [];
    const engine = new CpuEngine({ threads: 2, spawnWorker: spawn });
    await trained(engine, 3);
    // 3 steps and the snapshot at the end: 4 passes of 2 parts each.
    expect(sumJobs()).toBe(8);
    await engine.train(3);
    await engine.snapshot();
    // 3 more steps, the first from the kept snapshot, and a snapshot where nothing moved: 3 passes.
    expect(sumJobs()).toBe(14);
    engine.setOptions({ ...options });
    await engine.snapshot();
    expect(sumJobs()).toBe(16);
    engine.destroy();
  });

  it('goes on on the main thread when a worker dies, with the same result', async () => {
    const alone = await trained(new CpuEngine({ threads: 0 }), 5);
    InThreadWorker.started = [];
    const engine = new CpuEngine({ threads: 2, spawnWorker: spawn });
    await engine.setData(f32Dataset(1001, 9));
    engine.setOptions(options);
    engine.setParams(AT);
    const training = engine.train(5);
    InThreadWorker.started[0]!.crash();
    const result = await training;
    expect(engine.workers.count).toBe(0);
    result.path.forEach((p, s) => {
      expect(p.b).toBeCloseTo(alone.path[s]!.b, 10);
    });
    engine.destroy();
  });
});

/** Device loss, resource leaks, data too large for the device, and errors nobody caught. */
import { TUTORIAL_REFERENCE } from '../../src/model/tutorial-reference';
import { collectScopeErrors, expect, test } from './fixtures';

const [W10_1, W10_2] = TUTORIAL_REFERENCE.path[10];

test('a device destroyed mid-session is replaced and the weights continue exactly', async ({ harness }) => {
  const result = await harness.evaluate(async () => {
    const { GpuEngine, TrainingSession, tutorialDataset } = window.lp;
    const recovered: string[] = [];
    const engine = await GpuEngine.create({ onRecovered: (reason) => recovered.push(reason) });
    const session = new TrainingSession(engine, tutorialDataset());
    await session.ready;
    await session.step(3);
    const before = session.state.weights;
    const oldDevice = engine.device;
    oldDevice.destroy();
    await session.step(7);
    return {
      before,
      after: session.state,
      recoveries: engine.recoveries,
      recovered,
      newDevice: engine.device !== oldDevice,
      path: session.run?.history.length,
    };
  });
  expect(result.recoveries).toBe(1);
  expect(result.recovered).toHaveLength(1);
  expect(result.newDevice).toBe(true);
  expect(Math.abs(result.before[0]! - TUTORIAL_REFERENCE.path[3][0])).toBeLessThan(1e-4);
  expect(result.after.iteration).toBe(10);
  expect(result.after.engine).toBe('gpu');
  expect(Math.abs(result.after.weights[0]! - W10_1)).toBeLessThan(1e-4);
  expect(Math.abs(result.after.weights[1]! - W10_2)).toBeLessThan(1e-4);
  expect(Math.abs(result.after.cost - TUTORIAL_REFERENCE.cost10)).toBeLessThan(1e-4);
  expect(result.path).toBe(11);
});

test('a device lost between calls is recovered before the next one', async ({ harness }) => {
  const result = await harness.evaluate(async () => {
    const { GpuEngine, f32Dataset } = window.lp;
    const engine = await GpuEngine.create();
    await engine.setData(f32Dataset(5000, 2));
    engine.setOptions({
      ...window.lp.INITIAL_OPTIONS,
      learningRate: 0.3,
      bias: true,
      reduction: 'mean',
      batchSize: 100,
    });
    engine.setParams({ w: [0, 0], b: 0 });
    const first = await engine.train(20);
    // Let the loss be noticed first, then continue: the mini-batch schedule must continue too.
    engine.device.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const second = await engine.train(20);
    // Reference: the same 40 steps without interruption.
    const reference = await GpuEngine.create();
    await reference.setData(f32Dataset(5000, 2));
    reference.setOptions({
      ...window.lp.INITIAL_OPTIONS,
      learningRate: 0.3,
      bias: true,
      reduction: 'mean',
      batchSize: 100,
    });
    reference.setParams({ w: [0, 0], b: 0 });
    const straight = await reference.train(40);
    const last = second.path.at(-1)!;
    const expected = straight.path.at(-1)!;
    engine.destroy();
    reference.destroy();
    return {
      recoveries: engine.recoveries,
      diff: Math.abs(last.w[0]! - expected.w[0]!) + Math.abs(last.b - expected.b),
      moved: first.path.length,
    };
  });
  expect(result.recoveries).toBe(1);
  expect(result.moved).toBe(20);
  expect(result.diff).toBeLessThan(1e-6);
});

test('200 create/train/destroy cycles leave no live GPU buffers', async ({ harness }) => {
  const result = await harness.evaluate(async () => {
    const { GpuEngine, f32Dataset, trackBuffers } = window.lp;
    const tracker = trackBuffers();
    const data = f32Dataset(300, 4);
    try {
      // A long-lived engine shares the device, as a page's main playground would: the cycles
      // then exercise every engine buffer without recompiling the pipelines 200 times.
      const keeper = await GpuEngine.create();
      await keeper.setData(data);
      const keeperBuffers = tracker.live();
      for (let i = 0; i < 200; i++) {
        const engine = await GpuEngine.create();
        await engine.setData(data);
        engine.setOptions({
          ...window.lp.INITIAL_OPTIONS,
          learningRate: 0.1,
          bias: i % 2 === 0,
          reduction: 'sum',
          batchSize: i % 3 === 0 ? 50 : 0,
        });
        engine.setParams({ w: [0, 0], b: 0 });
        await engine.train(1 + (i % 7));
        if (i % 10 === 0) {
          await engine.costSurface({ x: [-1, 1], y: [-1, 1], size: 8 + (i % 3) });
          await engine.probabilityGrid({ x: [-1, 1], y: [-1, 1], size: 8 });
        }
        engine.destroy();
      }
      const liveWithKeeper = tracker.live();
      keeper.destroy();
      return { keeperBuffers, liveWithKeeper, live: tracker.live(), created: tracker.created() };
    } finally {
      tracker.stop();
    }
  });
  expect(result.created).toBeGreaterThan(200 * 5);
  expect(result.keeperBuffers).toBeGreaterThan(0);
  expect(result.liveWithKeeper).toBe(result.keeperBuffers);
  expect(result.live).toBe(0);
});

test('data too large for the device are refused with the limit named, and the old data stay', async ({ harness }) => {
  const result = await harness.evaluate(async () => {
    const { GpuEngine, tutorialDataset } = window.lp;
    const engine = await GpuEngine.create();
    await engine.setData(tutorialDataset());
    const adapter = await navigator.gpu.requestAdapter();
    const limit = adapter?.limits.maxStorageBufferBindingSize ?? 0;
    // A stand-in with more samples than the adapter can bind: only its length is read before refusing.
    const n = Math.ceil(limit / 8) + 1;
    const huge = { points: new Float64Array(0), targets: { length: n } as unknown as Uint8Array };
    let message = '';
    try {
      await engine.setData(huge);
    } catch (error) {
      message = `${(error as Error).name}: ${(error as Error).message}`;
    }
    window.lp.startTutorial(engine);
    const after = await engine.train(10);
    engine.destroy();
    return { message, w10: after.path.at(-1)! };
  });
  expect(result.message).toMatch(
    /^GpuCapacityError: The data need a .* MiB GPU buffer, but this adapter's maxStorageBufferBindingSize is \d+ MiB/,
  );
  expect(Math.abs(result.w10.w[0]! - W10_1)).toBeLessThan(1e-4);
});

test('the error scopes catch a WebGPU validation error, so no kernel test misses one', async ({ harness }) => {
  await harness.evaluate(async () => {
    const engine = await window.lp.GpuEngine.create();
    engine.device.createBuffer({ label: 'deliberately invalid', size: 4, usage: 0 }).destroy();
    await engine.device.queue.onSubmittedWorkDone();
    engine.destroy();
  });
  const caught = await harness.evaluate(collectScopeErrors);
  expect(caught).toHaveLength(1);
  expect(caught[0]).toContain('deliberately invalid');
});

test.describe('without the error scopes', () => {
  test.use({ gpuErrorScopes: false });

  test('an uncaught WebGPU validation error reaches onError', async ({ harness }) => {
    const messages = await harness.evaluate(async () => {
      const { GpuEngine } = window.lp;
      const seen: string[] = [];
      const engine = await GpuEngine.create({ onError: (m) => seen.push(m) });
      // A buffer with no usage is invalid; nothing catches the error, so the device reports it.
      engine.device.createBuffer({ label: 'deliberately invalid', size: 4, usage: 0 }).destroy();
      await engine.device.queue.onSubmittedWorkDone();
      await new Promise((r) => setTimeout(r, 100));
      engine.destroy();
      return seen;
    });
    expect(messages.length).toBe(1);
    expect(messages[0]).toContain('deliberately invalid');
  });
});

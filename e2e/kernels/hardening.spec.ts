/**
 * The GPU engine's limits and failures (issue 11, finding 1): one train()
 * call takes at most MAX_TRAIN_STEPS, a long run split into calls ends where
 * one unbroken run ends, and a submit the device refuses rejects the call and
 * leaves the engine to rebuild from its CPU mirror, weights intact.
 */
import { MAX_TRAIN_STEPS } from '../../src/contract/engine';
import { TUTORIAL_REFERENCE } from '../../src/model/tutorial-reference';
import { expect, test } from './fixtures';

const [W10_1, W10_2] = TUTORIAL_REFERENCE.path[10];

test('train() refuses more than MAX_TRAIN_STEPS in one call, and the engine goes on', async ({ harness }) => {
  const result = await harness.evaluate(async (max) => {
    const { GpuEngine, tutorialDataset } = window.lp;
    const engine = await GpuEngine.create();
    await engine.setData(tutorialDataset());
    window.lp.startTutorial(engine);
    const refused = await engine.train(max + 1).then(
      () => 'resolved',
      (error: Error) => `${error.name}: ${error.message}`,
    );
    const w10 = (await engine.train(10)).path.at(-1);
    engine.destroy();
    return { refused, w10 };
  }, MAX_TRAIN_STEPS);
  expect(result.refused).toContain(
    `RangeError: train(steps) takes a whole number of steps from 0 to ${MAX_TRAIN_STEPS}`,
  );
  expect(Math.abs((result.w10?.w[0] ?? 0) - W10_1)).toBeLessThan(1e-4);
  expect(Math.abs((result.w10?.w[1] ?? 0) - W10_2)).toBeLessThan(1e-4);
});

test('a long run split into chunks on the GPU ends where the CPU ends it', async ({ harness }) => {
  const result = await harness.evaluate(async () => {
    const { CpuEngine, GpuEngine, TrainingSession, tutorialDataset } = window.lp;
    const gpu = new TrainingSession(await GpuEngine.create(), tutorialDataset());
    const cpu = new TrainingSession(new CpuEngine(), tutorialDataset());
    // A session does one thing at a time; its start comes first.
    await Promise.all([gpu.ready, cpu.ready]);
    const done: number[] = [];
    await gpu.step(9000, undefined, (k) => done.push(k));
    await cpu.step(9000);
    const state = { gpu: gpu.state, cpu: cpu.state, history: gpu.run?.history.length ?? 0, done };
    await gpu.destroy();
    return state;
  });
  expect(result.gpu.iteration).toBe(9000);
  expect(result.done.length).toBeGreaterThan(1);
  expect(Math.abs(result.gpu.weights[0]! - result.cpu.weights[0]!)).toBeLessThan(1e-3);
  expect(Math.abs(result.gpu.weights[1]! - result.cpu.weights[1]!)).toBeLessThan(1e-3);
  expect(result.history).toBe(9001);
});

test('a submit the device refuses rejects the call; the engine is rebuilt and continues exactly', async ({
  harness,
}) => {
  const result = await harness.evaluate(async () => {
    const { GpuEngine, tutorialDataset } = window.lp;
    const recovered: string[] = [];
    const engine = await GpuEngine.create({ onRecovered: (reason, cause) => recovered.push(`${cause}: ${reason}`) });
    await engine.setData(tutorialDataset());
    window.lp.startTutorial(engine);
    await engine.train(3);
    const device = engine.device;
    const submit = GPUQueue.prototype.submit;
    GPUQueue.prototype.submit = function (this: GPUQueue, buffers: Iterable<GPUCommandBuffer>) {
      GPUQueue.prototype.submit = submit;
      const encoder = device.createCommandEncoder({ label: 'deliberately invalid' });
      encoder.popDebugGroup();
      return submit.call(this, [...buffers, encoder.finish()]);
    };
    const refused = await engine.train(4).then(
      () => 'resolved',
      (error: Error) => `${error.name}: ${error.message}`,
    );
    // The refused call moved nothing: seven more steps from w(3) reach w(10).
    const w10 = (await engine.train(7)).path.at(-1);
    const recoveries = engine.recoveries;
    engine.destroy();
    return { refused, w10, recoveries, recovered };
  });
  expect(result.refused).toMatch(/^GpuOperationError: The GPU refused 4 training steps: /);
  expect(result.recoveries).toBe(1);
  expect(result.recovered).toHaveLength(1);
  expect(result.recovered[0]).toMatch(/^failed: The GPU refused 4 training steps/);
  expect(Math.abs((result.w10?.w[0] ?? 0) - W10_1)).toBeLessThan(1e-4);
  expect(Math.abs((result.w10?.w[1] ?? 0) - W10_2)).toBeLessThan(1e-4);
});

test('GpuEngine.create gives up, naming why, when every device is lost as soon as it is made', async ({ harness }) => {
  const message = await harness.evaluate(async () => {
    const request = GPUAdapter.prototype.requestDevice;
    GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, descriptor?: GPUDeviceDescriptor) {
      const device = await request.call(this, descriptor);
      device.destroy();
      return device;
    };
    try {
      await window.lp.GpuEngine.create();
      return 'created';
    } catch (error) {
      return (error as Error).message;
    } finally {
      GPUAdapter.prototype.requestDevice = request;
    }
  });
  expect(message).toMatch(/^its GPU device was lost as soon as it was made, 3 times/);
});

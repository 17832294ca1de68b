/**
 * On data too large for the fused kernel, a train call's first step starts
 * from the sums its predecessor's snapshot left, when nothing changed
 * between: one data pass fewer a call, with the very same steps. Anything
 * that changes the model in between (its weights, options or data), a
 * mini-batch, a race or Newton's method takes the pass again.
 */
import { FUSED_MAX_N } from '../../src/gpu/fused-path';
import { expect, test } from './fixtures';

test('a call starts from the last snapshot’s sums while nothing changed, and its steps are the same', async ({
  harness,
}) => {
  test.setTimeout(180_000);
  const result = await harness.evaluate(async (n) => {
    const { GpuEngine, f32Dataset, INITIAL_OPTIONS, racerSettings } = window.lp;
    let dispatches = 0;
    const dispatch = GPUComputePassEncoder.prototype.dispatchWorkgroups;
    GPUComputePassEncoder.prototype.dispatchWorkgroups = function (this: GPUComputePassEncoder, x: number, y?: number) {
      dispatches++;
      return dispatch.call(this, x, y);
    };
    const counted = async (call: () => Promise<unknown>) => {
      const before = dispatches;
      await call();
      return dispatches - before;
    };
    const options = { ...INITIAL_OPTIONS, learningRate: 0.5, bias: true, reduction: 'mean' as const };
    const start = { w: [0.3, -0.2], b: 0.1 };
    const data = f32Dataset(n, 5);
    const gpu = await GpuEngine.create();
    await gpu.setData(data);
    gpu.setOptions(options);
    gpu.setParams(start);
    // Each call: 3 steps of two dispatches, then the snapshot's two (and a copy, not a dispatch).
    const calls = [await counted(() => gpu.train(3)), await counted(() => gpu.train(3))];
    const reused = await gpu.train(3);
    calls.push(await counted(() => gpu.snapshot()));
    let reached = reused.path.at(-1)!;
    calls.push(await counted(async () => (reached = (await gpu.train(3)).path.at(-1)!)));
    // Changes in between: each makes the next call sum again.
    gpu.setParams({ ...reached });
    calls.push(await counted(() => gpu.train(3)));
    gpu.setOptions({ ...options });
    calls.push(await counted(() => gpu.train(3)));
    await gpu.setData(f32Dataset(n, 5));
    calls.push(await counted(() => gpu.train(3)));
    gpu.setOptions({ ...options, batchSize: 256 });
    calls.push(await counted(() => gpu.train(3)));
    gpu.setOptions({ ...options, optimizer: racerSettings({ optimizer: 'newton', learningRate: 1 }, options) });
    await gpu.train(1);
    calls.push(await counted(() => gpu.train(1)));
    gpu.destroy();

    // The same nine steps with a pass of their own each: a fresh setParams before every call.
    const fresh = await GpuEngine.create();
    await fresh.setData(data);
    fresh.setOptions(options);
    fresh.setParams(start);
    const path = [];
    for (let k = 0; k < 3; k++) {
      const steps = (await fresh.train(3)).path;
      path.push(...steps);
      fresh.setParams({ ...steps.at(-1)! });
    }
    fresh.destroy();
    GPUComputePassEncoder.prototype.dispatchWorkgroups = dispatch;
    return { calls, reused: reused.path, fresh: path.slice(6) };
  }, FUSED_MAX_N + 1000);
  expect(result.calls).toEqual([
    8, // the first call sums at w(0)
    7, // the second starts from the first's snapshot
    2, // a snapshot alone: its pass
    7, // from the snapshot
    8, // new weights
    8, // new options
    8, // new data
    8, // mini-batches: each step its own batch
    // Newton's step needs the Hessian's sums, which a snapshot does not leave: two for the step, two for the snapshot.
    4,
  ]);
  // To the last bit: the sums a step starts from are the very ones it would have summed.
  expect(result.reused).toEqual(result.fresh);
});

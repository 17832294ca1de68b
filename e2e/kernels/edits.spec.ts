/**
 * Point edits on the GPU: a point added within the buffers' spare room is a
 * small write (no new buffer), a removal moves the last sample into the gap,
 * and after any mix of edits, and past the spare room, the GPU trains on
 * exactly the data the CPU holds.
 */
import { expect, test } from './fixtures';

test('edits write a few bytes, and the GPU then agrees with the CPU on the edited data', async ({ harness }) => {
  const result = await harness.evaluate(async () => {
    const { GpuEngine, CpuEngine, f32Dataset, addPoint, removePoint, trackBuffers } = window.lp;
    let data = f32Dataset(3001, 4);
    const cpu = new CpuEngine();
    const gpu = await GpuEngine.create();
    const options = {
      ...window.lp.INITIAL_OPTIONS,
      learningRate: 0.2,
      bias: true,
      reduction: 'mean' as const,
      batchSize: 0,
    };
    for (const e of [cpu, gpu]) {
      await e.setData(data);
      e.setOptions(options);
      e.setParams({ w: [0.3, -0.2], b: 0.1 });
    }
    const tracker = trackBuffers();
    const edits: ['add' | 'remove', number][] = [
      ['add', 0],
      ['remove', 17],
      ['add', 1],
      ['remove', 3001],
      ['remove', 0],
    ];
    for (const [kind, k] of edits) {
      const edit = kind === 'add' ? addPoint(data, 3 + k, -2, (k % 2) as 0 | 1) : removePoint(data, k);
      if (!edit) throw new Error('no edit');
      data = edit.data;
      for (const e of [cpu, gpu]) await e.applyEdit(data, edit.change);
    }
    const createdByEdits = tracker.created();
    // Past the spare room: a new upload, still the same data as the CPU's.
    for (let k = 0; k < 400; k++) {
      const edit = addPoint(data, -3, k / 100, 1);
      data = edit.data;
      for (const e of [cpu, gpu]) await e.applyEdit(data, edit.change);
    }
    tracker.stop();
    const [c, g] = [await cpu.train(5), await gpu.train(5)];
    gpu.destroy();
    return {
      createdByEdits,
      n: data.targets.length,
      costRel: Math.abs(c.final.meanCost - g.final.meanCost) / c.final.meanCost,
      weightDiff: Math.max(
        Math.abs(c.final.params.w[0]! - g.final.params.w[0]!),
        Math.abs(c.final.params.b - g.final.params.b),
      ),
      confusion: [c.final.confusion, g.final.confusion],
    };
  });
  expect(result.createdByEdits).toBe(0);
  expect(result.n).toBe(3001 + 2 - 3 + 400);
  expect(result.costRel).toBeLessThan(1e-4);
  expect(result.weightDiff).toBeLessThan(1e-4);
  expect(result.confusion[1]).toEqual(result.confusion[0]);
});

test('the GPU records the accuracy of every step, as the CPU does', async ({ harness }) => {
  const result = await harness.evaluate(async () => {
    const { GpuEngine, CpuEngine, tutorialDataset, f32Dataset } = window.lp;
    const out = [];
    for (const [data, batchSize] of [
      [tutorialDataset(), 0],
      [f32Dataset(1000, 2), 64],
    ] as const) {
      const runs = [];
      for (const engine of [new CpuEngine(), await GpuEngine.create()]) {
        await engine.setData(data);
        window.lp.startTutorial(engine, batchSize);
        runs.push((await engine.train(20)).accuracies);
        engine.destroy();
      }
      out.push({ batchSize, cpu: runs[0]!, gpu: runs[1]! });
    }
    return out;
  });
  for (const r of result) {
    expect(r.gpu).toHaveLength(20);
    expect(r.gpu).toEqual(r.cpu);
    // Not a constant: the accuracy moves as the weights do.
    expect(new Set(r.cpu).size).toBeGreaterThan(1);
  }
});

import { describe, expect, it } from 'vitest';
import { f32Dataset } from '../e2e/kernels/test-data';
import { CpuEngine } from '../src/engine/cpu-engine';
import { TUTORIAL_FORM } from '../src/model/regression';
import { BareLoop } from './bare-loop';

describe('the bare loop', () => {
  it('takes the CPU engine’s full-batch steps (mean cost, bias): the same work, timed against it', async () => {
    const data = f32Dataset(257, 4);
    const start = { w: [-1, 1], b: 0.5 };
    const engine = new CpuEngine();
    await engine.setData(data);
    engine.setOptions({ ...TUTORIAL_FORM, learningRate: 0.5, bias: true, reduction: 'mean', batchSize: 0 });
    engine.setParams(start);
    const result = await engine.train(30);
    const bare = new BareLoop(data, start, 0.5);
    bare.step(30);
    const [expected, got] = [result.path.at(-1)!, bare.params()];
    expect(Math.abs(got.w[0]! - start.w[0]!)).toBeGreaterThan(0.05);
    for (const [j, w] of expected.w.entries()) expect(got.w[j]).toBeCloseTo(w, 12);
    expect(got.b).toBeCloseTo(expected.b, 12);
    // Its last step started from the engine's 29th parameters: the same cost and count there.
    expect(bare.lastCost / 257).toBeCloseTo(result.losses.at(-1)!, 12);
    expect(bare.lastCorrect / 257).toBeCloseTo(result.accuracies.at(-1)!, 12);
  });
});

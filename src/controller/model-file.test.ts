import { describe, expect, it } from 'vitest';
import { CpuEngine } from '../engine/cpu-engine';
import { CPU_BUDGET } from '../session/cost-surface-job';
import { exportModel, historyCsv, parseModel } from '../session/model-file';
import { DEFAULT_PLAYGROUND } from '../settings/playground-settings';
import { PlaygroundController } from './playground-controller';

async function trained() {
  const c = new PlaygroundController({ engine: new CpuEngine(), settings: DEFAULT_PLAYGROUND, budget: CPU_BUDGET });
  await c.ready();
  await c.step(4);
  const v = c.published;
  if (!v) throw new Error('no view');
  return { c, model: exportModel(v.state, v.run, v.settings, false) };
}

describe('the model file in a running page', () => {
  it('says everything about the model and reads back as it was written, through JSON too', async () => {
    const { c, model } = await trained();
    expect(model).toMatchObject({
      iteration: 4,
      engine: 'cpu',
      data: { samples: 40, class0: 20, class1: 20, source: 'tutorial' },
    });
    expect(parseModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
    expect(parseModel(JSON.stringify(model))).toEqual(model);
    await c.reset();
    await c.loadModel(parseModel(model));
    expect(c.published?.state).toMatchObject({ iteration: 4, weights: model.weights });
    expect(historyCsv(c.published?.run.history ?? []).split('\n')[1]).toBe(
      `4,${model.weights[0]},${model.weights[1]},0,${model.cost},${model.accuracy},all`,
    );
  });

  it('says plainly what it holds of the data, and how to have them back', async () => {
    const { c, model } = await trained();
    expect(model.data.restore).toBe("The tutorial's 40 points: the settings draw them again.");
    await c.loadCsv('x1,x2,t\n0,1,0\n1,0,1\n', 'two.csv');
    const v = c.published;
    if (!v) throw new Error('no view');
    const custom = exportModel(v.state, v.run, v.settings, true);
    expect(custom.data).toMatchObject({ samples: 2, source: 'custom' });
    expect(custom.data.restore).toBe(
      'Not in this file: these points came from a file, a link or edits. Load their CSV first (Export ▾ → Data (CSV) saved it), then this model: new data start again from w(0).',
    );
    await c.change({ preset: 'gaussians', gaussians: { perClass: 10, seed: 4 } });
    const g = c.published;
    if (!g) throw new Error('no view');
    expect(exportModel(g.state, g.run, g.settings, false).data.restore).toBe(
      'Two Gaussians, drawn again point for point from the settings (seed 4).',
    );
  });
});

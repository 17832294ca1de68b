import { describe, expect, it } from 'vitest';
import { CpuEngine } from '../engine/cpu-engine';
import { CPU_BUDGET } from '../session/cost-surface-job';
import { exportModel, historyCsv, modelMismatch, parseModel } from '../session/model-file';
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

describe('the model file', () => {
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
    // What the file says is written by the page from the source, whatever a file claims.
    expect(parseModel({ ...custom, data: { ...custom.data, restore: 'trust me' } }).data.restore).toBe(
      custom.data.restore,
    );
    await c.change({ preset: 'gaussians', gaussians: { perClass: 10, seed: 4 } });
    const g = c.published;
    if (!g) throw new Error('no view');
    expect(exportModel(g.state, g.run, g.settings, false).data.restore).toBe(
      'Two Gaussian classes, drawn again point for point from the settings (seed 4).',
    );
  });

  it('refuses what it cannot vouch for, naming the field', async () => {
    const { model } = await trained();
    const bad = (patch: Record<string, unknown>) => () => parseModel({ ...model, ...patch });
    expect(bad({ weights: [1e308, 0] })).toThrow("the model's w1 must be between -1e+17 and 1e+17, got 1e+308");
    expect(bad({ weights: [1, Number.NaN] })).toThrow("the model's w2 must be a finite number");
    expect(bad({ weights: [1] })).toThrow('weights must be two numbers');
    expect(bad({ iteration: 1e300 })).toThrow("the model's iteration must be a whole number from 0 to");
    expect(bad({ iteration: -1 })).toThrow("the model's iteration");
    expect(bad({ settings: { ...model.settings, training: 'abc' } })).toThrow("the model's training must be an object");
    expect(bad({ settings: { ...model.settings, preset: null } })).toThrow("the model's preset must be a name");
    expect(bad({ settings: { ...model.settings, colour: 'red' } })).toThrow('settings have no part "colour"');
    expect(bad({ settings: { ...model.settings, training: { learningRate: 99 } } })).toThrow(/η must be/);
    expect(bad({ data: 'x' })).toThrow("the model's data must be an object");
    expect(bad({ format: 'other' })).toThrow('not a model of this playground');
    expect(() => parseModel('{')).toThrow('the model file is not JSON');
    expect(() => parseModel(null)).toThrow('a model must be an object');
  });

  it('writes a count of one in the singular when it warns of other data', async () => {
    const { model } = await trained();
    const one = { ...model, data: { ...model.data, samples: 1 } };
    expect(modelMismatch(one, 40)).toMatch(/^The model loaded was trained on N = 1 point; these data have N = 40:/);
    expect(modelMismatch(model, 40)).toBe('');
  });
});
